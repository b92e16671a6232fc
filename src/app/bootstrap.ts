import type { CrosswalkDocument } from '../model/types';
import { getFlowInstance } from './canvas/flow-instance';
import { openUrl } from './files/documents';
import { FIRST_EXAMPLE } from './files/examples';
import { flushAutosave, loadAutosave, startAutosave } from './persistence/autosave';
import { getState, replaceDocument } from './store/store';

/**
 * Decides what opens first: `?doc=<url>` if given, else the autosaved document, else the
 * first example. Then starts autosaving.
 */
export async function bootstrap(): Promise<void> {
  const params = new URLSearchParams(window.location.search);
  const docUrl = params.get('doc');
  let opened = false;
  let saved: CrosswalkDocument | undefined;
  if (docUrl) opened = await openUrl(docUrl);
  if (!opened) {
    saved = await loadAutosave();
    if (saved) {
      replaceDocument(saved);
      opened = true;
    }
  }
  if (!opened && FIRST_EXAMPLE) opened = await openUrl(FIRST_EXAMPLE.url);
  // Opening is not an edit the user made: start with an empty undo history.
  replaceDocument(getState().doc, { keepHistory: false });
  startAutosave(saved);
  if (getState().doc !== saved) void flushAutosave();
  document.documentElement.dataset.ready = 'true';
}

declare global {
  interface Window {
    /** A read-only debug hook for the console and the browser tests. */
    crosswalk?: { doc(): unknown; state(): unknown; flow(): unknown };
  }
}
window.crosswalk = { doc: () => getState().doc, state: () => getState(), flow: () => getFlowInstance() };
