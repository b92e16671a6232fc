import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
  /** Keys pressed anywhere in the dialog (after its own Escape), e.g. undo while a button has the focus. */
  onKeyDown?: (e: KeyboardEvent<HTMLDivElement>) => void;
}

/** A modal dialog: Escape or the close button closes it; focus moves into it. */
export function Dialog({ title, onClose, className, children, onKeyDown }: DialogProps) {
  const titleId = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    if (!ref.current?.contains(document.activeElement)) ref.current?.focus();
    return () => previous?.focus?.();
  }, []);
  return (
    <div className="cw-dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={ref}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        className={`cw-dialog ${className ?? ''}`}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.stopPropagation();
            onClose();
            return;
          }
          onKeyDown?.(e);
        }}
      >
        <header>
          <h2 id={titleId}>{title}</h2>
          <button type="button" aria-label="Close" onClick={onClose}>×</button>
        </header>
        <div className="cw-dialog-body">{children}</div>
      </div>
    </div>
  );
}
