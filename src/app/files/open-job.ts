import { parseDocumentText, type ParseError } from '../../io/file';
import { serialiseParts, type SerialisedParts } from '../../io/serialise';
import { layoutDocument, needsLayout } from '../../layout/elk';
import type { CrosswalkDocument } from '../../model/types';

// The work of opening a document that can run off the page: parse, migrate and validate its
// text, lay it out when something has no position, and hand it back in parts (see
// serialiseParts) the page reads a slice at a time. The open worker (open.worker.ts) runs
// it; where no worker can start it runs in the page, slower to stay responsive, never wrong.

/**
 * What the open job is asked: a document's text (laid out when `layout` is set and something
 * has no position), or a document already read, laid out if it needs it.
 */
export type OpenJob = { text: string; layout: boolean } | { doc: CrosswalkDocument };

/** An open job as sent to the worker. */
export type OpenRequest = OpenJob & { id: number };

/** The stages the job reports while it runs. */
export type OpenJobStage = 'checking' | 'laying out';

/** The job's outcome: the document in parts (laid out if it had to be), or why the text is not a document. */
export type OpenJobResult =
  | { ok: true; parts: SerialisedParts; entities: number; layoutError?: string }
  | { ok: false; error: ParseError };

/** A message from the open worker: a stage reached, the result, or a failure of the job itself. */
export type OpenResponse =
  | { id: number; stage: OpenJobStage }
  | { id: number; result: OpenJobResult }
  | { id: number; failure: string };

/**
 * Lays a document out with ELK in its own Web Worker (elkjs loads there on first use);
 * where there are no workers (Node: the tests), with elkjs in this thread.
 */
async function layOut(doc: CrosswalkDocument): Promise<CrosswalkDocument> {
  if (typeof Worker === 'undefined') return layoutDocument(doc, { onlyMissing: true });
  const { createWorkerElk } = await import('../../layout/elk-worker-client');
  const elk = createWorkerElk();
  try {
    return await layoutDocument(doc, { elk, onlyMissing: true });
  } finally {
    elk.terminate?.();
  }
}

/** Runs one open request, telling `onStage` as each stage starts. */
export async function runOpenJob(job: OpenJob, onStage: (stage: OpenJobStage) => void): Promise<OpenJobResult> {
  let doc: CrosswalkDocument;
  if ('text' in job) {
    onStage('checking');
    const parsed = parseDocumentText(job.text);
    if (!parsed.ok) return parsed;
    doc = parsed.doc;
  } else {
    doc = job.doc;
  }
  let layoutError: string | undefined;
  if (('doc' in job || job.layout) && needsLayout(doc)) {
    onStage('laying out');
    try {
      doc = await layOut(doc);
    } catch (e) {
      // The page draws it on the fallback grid and says so.
      layoutError = e instanceof Error ? e.message : String(e);
    }
  }
  return { ok: true, parts: serialiseParts(doc), entities: doc.entities.length, layoutError };
}
