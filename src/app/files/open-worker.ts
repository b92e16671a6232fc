import { readSerialisedElement, type SerialisedParts } from '../../io/serialise';
import type { CrosswalkDocument, Entity, Link } from '../../model/types';
import type { OpenJob, OpenJobResult, OpenJobStage, OpenRequest, OpenResponse } from './open-job';

// The page's side of the open worker (open.worker.ts): one worker, started on first use and
// kept for the page's next opens, answering requests by id. Where no module worker can
// start (or it fails to load) the job runs in this thread instead.

interface Pending {
  job: OpenJob;
  onStage: (stage: OpenJobStage) => void;
  resolve: (result: OpenJobResult) => void;
  reject: (error: Error) => void;
}

let worker: Worker | undefined;
/** Set when the worker could not start or load: every later job runs in this thread. */
let broken = false;
const pending = new Map<number, Pending>();
let nextId = 1;

function inThread(job: OpenJob, onStage: (stage: OpenJobStage) => void): Promise<OpenJobResult> {
  return import('./open-job').then(({ runOpenJob }) => runOpenJob(job, onStage));
}

function startWorker(): Worker | undefined {
  if (worker || broken) return worker;
  if (typeof Worker === 'undefined') {
    broken = true;
    return undefined;
  }
  try {
    // This exact form lets Vite bundle the worker and its imports as their own chunk.
    worker = new Worker(new URL('./open.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    broken = true;
    return undefined;
  }
  worker.onmessage = (event: MessageEvent<OpenResponse>) => {
    const answer = event.data;
    const p = pending.get(answer.id);
    if (!p) return;
    if ('stage' in answer) {
      p.onStage(answer.stage);
      return;
    }
    pending.delete(answer.id);
    if ('failure' in answer) p.reject(new Error(answer.failure));
    else p.resolve(answer.result);
  };
  // A worker that fails to load must not leave an open waiting for ever: what it was asked
  // is done here instead.
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    worker?.terminate();
    worker = undefined;
    broken = true;
    const waiting = [...pending.values()];
    pending.clear();
    for (const p of waiting) inThread(p.job, p.onStage).then(p.resolve, p.reject);
  };
  return worker;
}

/** Starts the open worker ahead of need (while a file downloads), so it is ready when the text is. */
export function warmOpenWorker(): void {
  startWorker();
}

/**
 * Checks a document's text (parse, migrate, validate) or lays out a document already read,
 * off the main thread; resolves with the document in parts, or the parse error.
 */
export function runOpenInWorker(job: OpenJob, onStage: (stage: OpenJobStage) => void): Promise<OpenJobResult> {
  const w = startWorker();
  if (!w) return inThread(job, onStage);
  const id = nextId++;
  return new Promise<OpenJobResult>((resolve, reject) => {
    pending.set(id, { job, onStage, resolve, reject });
    const request: OpenRequest = { id, ...job };
    w.postMessage(request);
  });
}

/** Lets the page draw and handle input before the next slice of work. */
export function yieldToPage(): Promise<void> {
  // A message, unlike a nested setTimeout, is not clamped to 4 ms; a frame due meanwhile is drawn first.
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(undefined);
  });
}

/**
 * How long one slice of reading runs before the page gets a turn, in ms: short enough for
 * input to feel immediate, long enough that the frames drawn between slices do not add up.
 */
const SLICE_MS = 30;

/**
 * Reads a document from its parts a slice at a time (each slice about 30 ms), telling
 * `onProgress` the fraction read. Every entity and link keeps its text for the next save.
 */
export async function readParts(parts: SerialisedParts, onProgress?: (fraction: number) => void): Promise<CrosswalkDocument> {
  const doc = JSON.parse(parts.head) as CrosswalkDocument;
  const total = parts.entities.length + parts.links.length;
  const entities: Entity[] = new Array<Entity>(parts.entities.length);
  const links: Link[] = new Array<Link>(parts.links.length);
  let done = 0;
  let sliceStart = performance.now();
  const read = async <T extends object>(texts: readonly string[], into: T[]) => {
    for (let i = 0; i < texts.length; i++) {
      into[i] = readSerialisedElement<T>(texts[i]);
      done++;
      // The clock is read every 64 elements: reading it costs more than a small element.
      if ((done & 63) === 0 && performance.now() - sliceStart > SLICE_MS) {
        onProgress?.(done / total);
        await yieldToPage();
        sliceStart = performance.now();
      }
    }
  };
  await read(parts.entities, entities);
  await read(parts.links, links);
  doc.entities = entities;
  doc.links = links;
  onProgress?.(1);
  return doc;
}
