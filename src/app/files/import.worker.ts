import { runImporter, type ImportRequest, type ImportResponse } from './importers';

// The import worker: parses imported text off the main thread, so a big or hostile paste
// never freezes the page (the tab stays responsive and the dialog shows it is busy).

self.onmessage = (event: MessageEvent<ImportRequest>) => {
  const { id, format, text } = event.data;
  let response: ImportResponse;
  try {
    response = { id, result: runImporter(format, text) };
  } catch (e) {
    response = { id, error: e instanceof Error ? e.message || e.name : String(e) };
  }
  self.postMessage(response);
};
