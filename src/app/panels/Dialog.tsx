import { useEffect, useId, useRef, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose: () => void;
  className?: string;
  children: ReactNode;
}

/** A modal dialog: Escape or the close button closes it; focus moves into it. */
export function Dialog({ title, onClose, className, children }: DialogProps) {
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
          }
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
