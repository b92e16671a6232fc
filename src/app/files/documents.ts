import { acceptedFileTypes, guessImportFormat } from '../../formats/registry';
import type { FormatImportOptions } from '../../formats/types';
import { describeMessages, readImport } from './import-into';
import { describeParseError, parseDocumentText, type ParseResult } from '../../io/file';
import { serialiseDocument } from '../../io/serialise';
import type { CrosswalkDocument } from '../../model/types';
import { openAsNewDocument } from '../persistence/session';
import { applyEdit, getState, notify, setUi } from '../store/store';
import { count } from '../../model/plural';

// Opening and saving documents. Every way in (picker, drop, ?doc=, example, import) ends
// in openDocument, which lays out what lacks positions and never touches the open document
// when the new one is bad.

/** Whether any system, entity or note lacks a position (a hand-written document). */
export function needsLayout(doc: CrosswalkDocument): boolean {
  return (
    doc.systems.some((s) => !s.position) ||
    doc.entities.some((e) => !e.position) ||
    (doc.notes ?? []).some((n) => !n.position)
  );
}

/** Lays out a document with ELK in a Web Worker (elkjs loads on first use). */
export async function layoutInWorker(doc: CrosswalkDocument, onlyMissing: boolean): Promise<CrosswalkDocument> {
  const [{ layoutDocument }, { createWorkerElk }] = await Promise.all([
    import('../../layout/elk'),
    import('../../layout/elk-worker-client'),
  ]);
  const elk = createWorkerElk();
  try {
    return await layoutDocument(doc, { elk, onlyMissing });
  } finally {
    elk.terminate?.();
  }
}

/** Opens a parsed document: lays it out if needed, then adds it to the library and opens it (never over another). */
export async function openDocument(doc: CrosswalkDocument, source: string): Promise<void> {
  let next = doc;
  if (needsLayout(doc)) {
    setUi({ busy: 'Laying out…' });
    try {
      next = await layoutInWorker(doc, true);
    } catch (e) {
      // The fallback grid in computeGeometry still draws it; say so rather than fail.
      notify('error', `Automatic layout failed; the document is shown on a simple grid. (${e instanceof Error ? e.message : String(e)})`);
      next = doc;
    } finally {
      setUi({ busy: undefined });
    }
  }
  try {
    await openAsNewDocument(next);
  } catch (e) {
    notify('error', `Could not add ${source} to the library in this browser: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  notify('success', `Opened ${source}`);
}

/** Reports why a file could not be opened; the open document stays as it was. */
export function reportParseFailure(result: Extract<ParseResult, { ok: false }>, source: string): void {
  const lines = describeParseError(result.error);
  // Several problems are listed below the message, each once; one is said in the message itself.
  if (lines.length === 1) notify('error', `Could not open ${source}: ${lines[0]}`);
  else notify('error', `Could not open ${source}: ${count(lines.length, 'problem')}`, lines.slice(0, 50));
}

/** Opens the text of a file (from the picker, a drop, or a URL). */
export async function openText(text: string, source: string): Promise<boolean> {
  const result = parseDocumentText(text);
  if (!result.ok) {
    reportParseFailure(result, source);
    return false;
  }
  await openDocument(result.doc, source);
  return true;
}

/** Opens a File from the picker or a drop: a Crosswalk document, or any format the registry imports. */
export async function openFile(file: File): Promise<boolean> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    notify('error', `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
  const format = guessImportFormat(text, file.name);
  if (format && format.id !== 'json') return importAsNewDocument(text, file.name, format.id);
  return openText(text, file.name);
}

/** Imports a text (of the named format, or the one it looks like) and opens it as a new document. */
export async function importAsNewDocument(text: string, source: string, format?: string, options: FormatImportOptions = {}): Promise<boolean> {
  const reading = await readImport(text, { ...options, format, fileName: source });
  if (!reading.ok) {
    const lines = describeMessages(reading.errors);
    notify('error', `Could not import ${source}: ${lines[0]}`, lines.length > 1 ? lines.slice(0, 50) : undefined);
    return false;
  }
  await openDocument(reading.doc, source);
  if (reading.warnings.length) notify('info', `Imported with ${count(reading.warnings.length, 'warning')}`, describeMessages(reading.warnings).slice(0, 50));
  return true;
}

/** Opens `?doc=<url>`; only same-origin URLs are fetched. */
export async function openUrl(url: string): Promise<boolean> {
  let target: URL;
  try {
    target = new URL(url, window.location.href);
  } catch {
    notify('error', `Could not open ${url}: not a URL.`);
    return false;
  }
  if (target.origin !== window.location.origin) {
    notify('error', `Could not open ${url}: only documents on this site (${window.location.origin}) can be opened by link.`);
    return false;
  }
  try {
    const res = await fetch(target, { credentials: 'same-origin' });
    if (res.status === 404) throw new Error('not found (404)');
    if (!res.ok) throw new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    const text = await res.text();
    // A single-page server answers an unknown path with the app's own page (status 200).
    if (/^\s*</.test(text) && /html/i.test(res.headers.get('content-type') ?? '')) throw new Error('not found (404): the server sent a web page, not a document');
    return await openText(text, target.pathname.split('/').pop() || url);
  } catch (e) {
    notify('error', `Could not open ${url}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  }
}

/** A file name for the document: its title, made safe. */
export function fileNameFor(doc: CrosswalkDocument, extension: string): string {
  const base = doc.title
    .normalize('NFKC')
    // Characters no file system accepts, and control characters.
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'crosswalk'}${extension}`;
}

/** Offers bytes or text as a download. */
export function download(data: string | Uint8Array | Blob, fileName: string, mime: string): void {
  const blob = data instanceof Blob ? data : new Blob([data as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Saves the open document as a `.crosswalk.json` download. */
export function saveToFile(): void {
  const { doc } = getState();
  download(serialiseDocument(doc), fileNameFor(doc, '.crosswalk.json'), 'application/json');
}

/** Re-lays out the whole open document (one undo step). */
export async function autoLayout(): Promise<void> {
  const { doc } = getState();
  setUi({ busy: 'Laying out…' });
  try {
    const next = await layoutInWorker(doc, false);
    if (getState().doc !== doc) {
      notify('info', 'The document changed during layout; layout not applied.');
      return;
    }
    applyEdit(() => next);
    setUi({ fitRequest: getState().ui.fitRequest + 1 });
  } catch (e) {
    notify('error', `Automatic layout failed: ${e instanceof Error ? e.message : String(e)}`);
  } finally {
    setUi({ busy: undefined });
  }
}

/** Shows the file picker (every type the registry imports) and opens what is chosen. */
export function pickAndOpenFile(): void {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = acceptedFileTypes();
  input.onchange = () => {
    const file = input.files?.[0];
    if (file) void openFile(file);
  };
  input.click();
}
