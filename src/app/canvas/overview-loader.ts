import type { OverviewLayer as OverviewLayerType } from './OverviewLayer';

// The canvas drawing of large documents (OverviewLayer and its hit-testing) is a chunk of its
// own, loaded when the first large document opens. Opening by link starts loading it with the
// download, and a large document is shown only once it is here (documents.ts, session.ts):
// the canvas then renders it at once. Through React.lazy instead, React holds a suspended
// part back for up to 300 ms after its fallback showed (its Suspense throttling), and the
// first picture of a large document waited for that.

let loaded: typeof OverviewLayerType | undefined;
let loading: Promise<typeof OverviewLayerType> | undefined;

/** Starts loading the overview layer (once); resolves with it. */
export function loadOverviewLayer(): Promise<typeof OverviewLayerType> {
  loading ??= import('./OverviewLayer').then(
    (m) => (loaded = m.OverviewLayer),
    (e: unknown) => {
      // A failed load (the network) is tried again next time.
      loading = undefined;
      throw e;
    },
  );
  return loading;
}

/** The overview layer, if it has loaded. */
export function loadedOverviewLayer(): typeof OverviewLayerType | undefined {
  return loaded;
}
