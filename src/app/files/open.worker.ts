import { runOpenJob, type OpenRequest, type OpenResponse } from './open-job';

// The open worker: parses, validates and lays out a large document off the main thread, so
// opening one never freezes the page (the page shows the stage reached meanwhile).

const post = (message: OpenResponse) => self.postMessage(message);

self.onmessage = async (event: MessageEvent<OpenRequest>) => {
  const { id } = event.data;
  try {
    post({ id, result: await runOpenJob(event.data, (stage) => post({ id, stage })) });
  } catch (e) {
    post({ id, failure: e instanceof Error ? e.message || e.name : String(e) });
  }
};
