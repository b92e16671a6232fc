import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Keys an inline editor hands back to its owner after committing. */
export type InlineExit = 'enter' | 'tab' | 'shift-tab' | 'escape' | 'blur' | 'alt-up' | 'alt-down';

interface InlineInputProps {
  value: string;
  label: string;
  placeholder?: string;
  className?: string;
  /**
   * Called with the final text and how editing ended (Escape passes the original value).
   * `alt-up` and `alt-down` do not end editing: they pass the text so far, the owner moves
   * the row, and this same input keeps the focus and takes further keys.
   */
  onDone: (value: string, exit: InlineExit) => void;
}

/**
 * A text input that edits in place: Enter commits, Tab/Shift+Tab commit and move on,
 * Escape cancels, blur commits. Keys never reach the canvas shortcuts while typing.
 */
export function InlineInput({ value, label, placeholder, className, onDone }: InlineInputProps) {
  const [text, setText] = useState(value);
  const done = useRef(false);
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    ref.current?.focus();
    ref.current?.select();
  }, []);
  // Set while the owner moves this row: React moves the DOM node, which drops (and in some
  // browsers blurs) the focus; that blur must not end editing.
  const moving = useRef(false);
  useLayoutEffect(() => {
    // After every render: a move has been committed by now, so take the focus back.
    if (!moving.current) return;
    moving.current = false;
    if (!done.current && document.activeElement !== ref.current) ref.current?.focus();
  });
  const finish = (exit: InlineExit, final = text) => {
    if (done.current) return;
    done.current = true;
    onDone(final, exit);
  };
  const move = (exit: 'alt-up' | 'alt-down') => {
    if (done.current) return;
    moving.current = true;
    onDone(text, exit);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
    // A move that changed nothing (the first row up) renders nothing: forget it here.
    moving.current = false;
    if (e.key === 'Enter') {
      e.preventDefault();
      finish('enter');
    } else if (e.key === 'Escape') {
      e.preventDefault();
      finish('escape', value);
    } else if (e.key === 'Tab') {
      e.preventDefault();
      finish(e.shiftKey ? 'shift-tab' : 'tab');
    } else if (e.altKey && e.key === 'ArrowUp') {
      e.preventDefault();
      move('alt-up');
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      move('alt-down');
    }
  };
  return (
    <input
      ref={ref}
      className={`inline-input nodrag nopan ${className ?? ''}`}
      aria-label={label}
      value={text}
      placeholder={placeholder}
      spellCheck={false}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (!moving.current) finish('blur');
      }}
      onPointerDown={(e) => e.stopPropagation()}
    />
  );
}

interface InlineNameProps {
  name: string;
  label: string;
  className: string;
  editing: boolean;
  /** Called when editing ends; `rename` gets the trimmed new name only when it changed. */
  onEnd: (rename?: string) => void;
}

/** A name shown as text, or edited in place while `editing` (empty or unchanged names are not applied). */
export function InlineName({ name, label, className, editing, onEnd }: InlineNameProps) {
  if (!editing) return <span className={className}>{name}</span>;
  return (
    <InlineInput
      value={name}
      label={label}
      onDone={(value, exit) => {
        const next = value.trim();
        onEnd(exit !== 'escape' && next && next !== name ? next : undefined);
      }}
    />
  );
}
