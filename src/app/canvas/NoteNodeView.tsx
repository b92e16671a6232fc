import { memo, useEffect, useRef, useState } from 'react';
import type { NodeProps } from '@xyflow/react';
import * as ops from '../../model/ops';
import { applyEdit, getState, setUi, useAppStore } from '../store/store';
import type { NoteNode } from './to-flow';

/** A free text note; double-click to edit, Ctrl/Cmd+Enter or click away to finish, Escape to cancel. */
export const NoteNodeView = memo(function NoteNodeView({ id, data, selected }: NodeProps<NoteNode>) {
  const { note, dimmed } = data;
  const [ownEditing, setEditing] = useState(false);
  // A note just added opens with its text selected for typing.
  const fresh = useAppStore((s) => s.ui.renaming === id);
  const editing = ownEditing || fresh;
  const [text, setText] = useState(note.text);
  const ref = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    if (!editing) return;
    ref.current?.focus();
    if (fresh) ref.current?.select();
  }, [editing, fresh]);
  const finish = (commit: boolean) => {
    setEditing(false);
    if (getState().ui.renaming === id) setUi({ renaming: undefined });
    if (commit && text !== note.text) applyEdit((d) => ops.updateNote(d, id, { text }));
  };
  return (
    <div
      className={`cw-note${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`}
      data-testid={`note-${id}`}
      onDoubleClick={() => {
        setText(note.text);
        setEditing(true);
      }}
    >
      {editing ? (
        <textarea
          ref={ref}
          className="nodrag nopan nowheel"
          aria-label="Note text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => finish(true)}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Escape') finish(false);
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) finish(true);
          }}
        />
      ) : (
        <div className="cw-note-text">{note.text}</div>
      )}
    </div>
  );
});
