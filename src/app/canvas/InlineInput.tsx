import { useEffect, useRef, useState, type KeyboardEvent } from 'react';

/** Keys an inline editor hands back to its owner after committing. */
export type InlineExit = 'enter' | 'tab' | 'shift-tab' | 'escape' | 'blur' | 'alt-up' | 'alt-down';

interface InlineInputProps {
  value: string;
  label: string;
  placeholder?: string;
  className?: string;
  /** Called with the final text and how editing ended (Escape passes the original value). */
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
  const finish = (exit: InlineExit, final = text) => {
    if (done.current) return;
    done.current = true;
    onDone(final, exit);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    e.stopPropagation();
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
      finish('alt-up');
    } else if (e.altKey && e.key === 'ArrowDown') {
      e.preventDefault();
      finish('alt-down');
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
      onBlur={() => finish('blur')}
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
