import type { ImportRequest, ImportResponse, WorkerImportFormat, WorkerImportResult } from './importers';

// Runs an importer in a module Web Worker: `importInWorker('mermaid-er', text)`. One worker
// per import, stopped when it answers. Where no worker can start (a browser without module
// workers, a test in Node) the importer runs in this thread instead: slower to stay
// responsive, never wrong.

let nextId = 1;

/** Imports `text` as `format` in a Web Worker; resolves with the importer's own result. */
export async function importInWorker<F extends WorkerImportFormat>(format: F, text: string): Promise<WorkerImportResult<F>> {
  if (typeof Worker === 'undefined') return inThread(format, text);
  let worker: Worker;
  try {
    // This exact form lets Vite bundle the worker and its imports as their own chunk.
    worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return inThread(format, text);
  }
  const id = nextId++;
  try {
    return await new Promise<WorkerImportResult<F>>((resolve, reject) => {
      worker.onmessage = (event: MessageEvent<ImportResponse>) => {
        const answer = event.data;
        if (answer.id !== id) return;
        if ('error' in answer) reject(new Error(answer.error));
        else resolve(answer.result as WorkerImportResult<F>);
      };
      // A worker that fails to load must not leave the import waiting for ever.
      worker.onerror = (event: ErrorEvent) => {
        event.preventDefault();
        reject(new Error(`The import worker failed: ${event.message || 'it could not be loaded'}`));
      };
      const request: ImportRequest = { id, format, text };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}

async function inThread<F extends WorkerImportFormat>(format: F, text: string): Promise<WorkerImportResult<F>> {
  const { runImporter } = await import('./importers');
  return runImporter(format, text);
}
