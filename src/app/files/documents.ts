import { acceptedFileTypes, guessImportFormat } from '../../formats/registry';
import type { FormatImportOptions } from '../../formats/types';
import { describeMessages, readImport } from './import-into';
import { describeParseError, parseDocumentText, type ParseResult } from '../../io/file';
import type { OpenJob } from './open-job';
import { endOpenProgress, setOpenProgress } from './open-progress';
import { warmOpenWorker } from './open-worker';
import { readThroughWorker, WORKER_TEXT_CHARS, type ReadResult } from './read-large';
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

/**
 * A document read, checked and laid out, ready to be added to the library and shown; the
 * open indicator (if any) stays up under `source` until it is shown.
 */
export interface ReadDocument {
  doc: CrosswalkDocument;
  source: string;
  /**
   * The text it was parsed from, when nothing changed it since: the library keeps it as it
   * is instead of serialising the document again (see openAsNewDocument).
   */
  text?: string;
}

/**
 * Opens a parsed document: lays it out if needed (in the open worker, with progress), then
 * adds it to the library and opens it (never over another).
 */
export async function openDocument(doc: CrosswalkDocument, source: string): Promise<boolean> {
  return openRead(needsLayout(doc) ? await readThroughOpenWorker({ doc }, source) : { doc, source });
}

/**
 * Adds a document read to the library and shows it (undefined: it could not be read, and
 * the reason was told); says so when the library cannot take it. Ends the open indicator.
 */
export async function openRead(read: ReadDocument | undefined): Promise<boolean> {
  if (!read) return false;
  const { doc, source, text } = read;
  try {
    try {
      await openAsNewDocument(doc, text);
    } catch (e) {
      notify('error', `Could not add ${source} to the library in this browser: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
    notify('success', `Opened ${source}`);
    return true;
  } finally {
    endOpenProgress(source);
  }
}

/**
 * Reads a large text, or lays out a document, through the open worker: the page stays
 * responsive and the indicator names each stage until the document is drawn. A bad text
 * gets its message (undefined is returned) and the open document stays as it was.
 */
async function readThroughOpenWorker(job: OpenJob, source: string): Promise<ReadDocument | undefined> {
  let read: ReadResult;
  try {
    read = await readThroughWorker(job, source);
  } catch (e) {
    notify('error', `Could not open ${source}: ${e instanceof Error ? e.message : String(e)}`);
    endOpenProgress(source);
    return undefined;
  }
  if (!read.ok) {
    reportParseFailure(read, source);
    endOpenProgress(source);
    return undefined;
  }
  if (read.layoutError !== undefined) {
    // The fallback grid in computeGeometry still draws it; say so rather than fail.
    notify('error', `Automatic layout failed; the document is shown on a simple grid. (${read.layoutError})`);
  }
  // The indicator goes in the render that draws the document.
  return { doc: read.doc, source };
}

/** Reports why a file could not be opened; the open document stays as it was. */
export function reportParseFailure(result: Extract<ParseResult, { ok: false }>, source: string): void {
  const lines = describeParseError(result.error);
  // Several problems are listed below the message, each once; one is said in the message itself.
  if (lines.length === 1) notify('error', `Could not open ${source}: ${lines[0]}`);
  else notify('error', `Could not open ${source}: ${count(lines.length, 'problem')}`, lines.slice(0, 50));
}

/**
 * Opens the text of a file (from the picker, a drop, or a URL): a small one is read here at
 * once, a large one in the open worker with progress shown.
 */
export async function openText(text: string, source: string): Promise<boolean> {
  return openRead(await readText(text, source));
}

/**
 * Reads the text of a document (see {@link openText}) without adding it to the library yet;
 * undefined when it is not one (the reason was told).
 */
async function readText(text: string, source: string): Promise<ReadDocument | undefined> {
  if (text.length >= WORKER_TEXT_CHARS) return readThroughOpenWorker({ text, layout: true }, source);
  const result = parseDocumentText(text);
  if (!result.ok) {
    reportParseFailure(result, source);
    return undefined;
  }
  if (needsLayout(result.doc)) return readThroughOpenWorker({ doc: result.doc }, source);
  return { doc: result.doc, source, text };
}

/** Opens a File from the picker or a drop: a Crosswalk document, or any format the registry imports. */
export async function openFile(file: File): Promise<boolean> {
  let text: string;
  const large = file.size >= WORKER_TEXT_CHARS;
  if (large) {
    setOpenProgress(file.name, 'reading');
    warmOpenWorker();
  }
  try {
    text = await file.text();
  } catch (e) {
    notify('error', `Could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  } finally {
    if (large) endOpenProgress(file.name);
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
export async function openUrl(url: string, early?: Promise<Response>): Promise<boolean> {
  return openRead(await readUrl(url, early));
}

/**
 * Downloads and reads `?doc=<url>` (see {@link openUrl}) without adding it to the library
 * yet, so the page can read it while the library opens; undefined when it cannot be opened
 * (the reason was told).
 */
export async function readUrl(url: string, early?: Promise<Response>): Promise<ReadDocument | undefined> {
  let target: URL;
  try {
    target = new URL(url, window.location.href);
  } catch {
    notify('error', `Could not open ${url}: not a URL.`);
    return undefined;
  }
  if (target.origin !== window.location.origin) {
    notify('error', `Could not open ${url}: only documents on this site (${window.location.origin}) can be opened by link.`);
    return undefined;
  }
  const source = target.pathname.split('/').pop() || url;
  let text: string;
  try {
    const res = await (early ?? fetch(target, { credentials: 'same-origin' }));
    if (res.status === 404) throw new Error('not found (404)');
    if (!res.ok) throw new Error(`the server answered ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
    text = await readBody(res, source);
    // A single-page server answers an unknown path with the app's own page (status 200).
    if (/^\s*</.test(text) && /html/i.test(res.headers.get('content-type') ?? '')) throw new Error('not found (404): the server sent a web page, not a document');
  } catch (e) {
    notify('error', `Could not open ${url}: ${e instanceof Error ? e.message : String(e)}`);
    endOpenProgress(source);
    return undefined;
  }
  return readText(text, source);
}

/**
 * Starts downloading a document that {@link openUrl} will open (same origin only, as there),
 * so it arrives while the page starts; undefined when openUrl would refuse the address.
 */
export function fetchEarly(url: string): Promise<Response> | undefined {
  try {
    const target = new URL(url, window.location.href);
    if (target.origin !== window.location.origin) return undefined;
    // index.html starts it before the app's code loads; taken once.
    const started = window.crosswalkEarlyDocument;
    window.crosswalkEarlyDocument = undefined;
    if (started?.url === target.href) return started.response;
    const res = fetch(target, { credentials: 'same-origin' });
    // Handled by openUrl when it awaits it; until then a failure is not "unhandled".
    res.catch(() => undefined);
    return res;
  } catch {
    return undefined;
  }
}

declare global {
  interface Window {
    /** A `?doc=` download index.html started before the app's code loaded (see fetchEarly). */
    crosswalkEarlyDocument?: { url: string; response: Promise<Response> };
  }
}

/**
 * Reads a response's text. A large one (by its announced length, or once that much has
 * arrived) shows "reading" with the share received, and starts the open worker meanwhile.
 */
async function readBody(res: Response, source: string): Promise<string> {
  const announced = Number(res.headers.get('content-length') ?? '') || 0;
  if (!res.body || (announced > 0 && announced < WORKER_TEXT_CHARS)) return res.text();
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const chunks: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    chunks.push(decoder.decode(value, { stream: true }));
    if (received >= WORKER_TEXT_CHARS || announced >= WORKER_TEXT_CHARS) {
      warmOpenWorker();
      setOpenProgress(source, 'reading', announced ? received / announced : undefined);
    }
  }
  chunks.push(decoder.decode());
  return chunks.join('');
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
