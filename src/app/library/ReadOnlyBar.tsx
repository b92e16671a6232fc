import { findAction, runAction } from '../actions/actions';
import { openAsNewDocument } from '../persistence/session';
import { getState, notify, setUi, useAppStore } from '../store/store';

/** Adds the shared document to the library and switches to it, editable. */
export async function editCopy(): Promise<void> {
  try {
    await openAsNewDocument(getState().doc);
  } catch (e) {
    notify('error', `Could not add the document to the library: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  setUi({ embed: false });
  notify('success', 'A copy is now in your library: your edits are saved in this browser.');
}

/** Shown over a read-only shared document: what it is and how to change it. */
export function ReadOnlyBar() {
  const readOnly = useAppStore((s) => s.ui.readOnly);
  const embed = useAppStore((s) => s.ui.embed);
  const steps = useAppStore((s) => s.doc.walkthrough?.length ?? 0);
  if (!readOnly) return null;
  if (embed) {
    const present = findAction('present');
    const full = new URL(window.location.href);
    full.hash = full.hash.replace(/&embed(=1)?\b/, '');
    return (
      <div className="cw-embed-bar" role="toolbar" aria-label="Embedded document">
        {steps > 0 && present && (
          <button type="button" onClick={() => runAction(present)}>Present</button>
        )}
        <a href={full.href} target="_blank" rel="noopener noreferrer">Open in Crosswalk</a>
      </div>
    );
  }
  return (
    <div className="cw-readonly-bar" role="status" aria-label="Read-only document">
      <span>Shared document, read-only.</span>
      <button type="button" onClick={() => void editCopy()}>Edit a copy</button>
    </div>
  );
}
