import { parseDocumentText, type ParseResult } from '../../io/file';
import type { CrosswalkDocument } from '../../model/types';
import { setOpenProgress } from './open-progress';
import type { OpenJob } from './open-job';
import { geometryOf } from '../canvas/overview-model';
import { readParts, runOpenInWorker, yieldToPage } from './open-worker';

// Reading a document so the page stays responsive: a small text is parsed here at once (a
// worker would take longer to start than the parse); a large one is parsed, validated and,
// when asked, laid out in the open worker, then read into the page a slice at a time, with
// each stage shown by the open-progress indicator.

/**
 * Texts at least this long (characters; about 1,200 entities of 10 fields) are read through
 * the open worker with progress shown. Measured: below it the page parses, checks and saves
 * a document in one task of ~0.1 s on a quiet 2-core machine, sooner than a worker starts
 * and hands it back (at 1,000 entities the worker path was 0.6 s slower to draw under load);
 * above it the single task grows past 0.2 s while the worker path gets relatively cheaper
 * (at 5,000 entities it drew sooner than the main-thread path, with the longest task halved).
 */
export const WORKER_TEXT_CHARS = 2_500_000;

/** A document read (laid out if it was asked and needed), or why its text is not a document. */
export type ReadResult = (ParseResult & { ok: false }) | { ok: true; doc: CrosswalkDocument; layoutError?: string };

/**
 * Reads a large text, or lays out a document already read, in the open worker, showing the
 * stages under `source`; the indicator stays up (at "drawing") for the caller to end once
 * the document is drawn. Rejects only when the worker itself fails.
 */
export async function readThroughWorker(job: OpenJob, source: string): Promise<ReadResult> {
  setOpenProgress(source, 'text' in job ? 'checking' : 'laying out');
  const result = await runOpenInWorker(job, (stage) => setOpenProgress(source, stage));
  if (!result.ok) return result;
  setOpenProgress(source, 'drawing', 0);
  const doc = await readParts(result.parts, (fraction) => setOpenProgress(source, 'drawing', fraction));
  // The boxes of everything, which the canvas, the nodes and fitting the view all ask for
  // (cached per document): computed in a turn of its own, not in the task that draws.
  geometryOf(doc);
  await yieldToPage();
  return { ok: true, doc, layoutError: result.layoutError };
}

/**
 * Parses a document's text: here when small, through the open worker (with progress) when
 * large. Never lays out, never throws. The indicator stays up for the caller to end.
 */
export async function parseTextResponsively(text: string, source: string): Promise<ParseResult> {
  if (text.length < WORKER_TEXT_CHARS) return parseDocumentText(text);
  try {
    const read = await readThroughWorker({ text, layout: false }, source);
    return read.ok ? { ok: true, doc: read.doc } : read;
  } catch {
    // The worker itself failed (not the text): read it here, slower but never wrong.
    return parseDocumentText(text);
  }
}
