import { useEffect, useState, type ReactNode } from 'react';

interface CommitProps {
  label: string;
  value: string;
  /** Called once per edit, on blur or Enter, when the text changed. */
  onCommit: (value: string) => void;
  multiline?: boolean;
  placeholder?: string;
  required?: boolean;
}

/**
 * A labelled text input that commits on blur or Enter (one undo step per edit, not per key);
 * Escape restores the stored value. A required field refuses to become empty.
 */
export function CommitField({ label, value, onCommit, multiline, placeholder, required }: CommitProps) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  const commit = () => {
    if (text === value) return;
    if (required && text.trim() === '') {
      setText(value);
      return;
    }
    onCommit(text);
  };
  const common = {
    'aria-label': label,
    value: text,
    placeholder,
    onBlur: commit,
    onChange: (e: { target: { value: string } }) => setText(e.target.value),
  };
  return (
    <label className="cw-field-row">
      <span>{label}</span>
      {multiline ? (
        <textarea
          {...common}
          rows={3}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setText(value);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) commit();
          }}
        />
      ) : (
        <input
          {...common}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setText(value);
            if (e.key === 'Enter') commit();
          }}
        />
      )}
    </label>
  );
}

interface SelectProps<T extends string> {
  label: string;
  value: T | '';
  options: readonly { value: T | ''; label: string }[];
  onChange: (value: T | '') => void;
}

/** A labelled select. */
export function SelectField<T extends string>({ label, value, options, onChange }: SelectProps<T>) {
  return (
    <label className="cw-field-row">
      <span>{label}</span>
      <select aria-label={label} value={value} onChange={(e) => onChange(e.target.value as T | '')}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A titled group of fields. */
export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="cw-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}
