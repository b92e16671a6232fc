import { useSyncExternalStore } from 'react';

// What the page shows while a large document opens: which document, the stage it has
// reached and, where the stage can tell, how far along it is. Kept apart from the app's
// store: progress is not part of the document or its history, and a tick of the bar
// re-renders the indicator alone.

/** The stages of opening a document, in order. */
export type OpenStage = 'reading' | 'checking' | 'laying out' | 'drawing';

/** An open in progress. */
export interface OpenProgress {
  source: string;
  stage: OpenStage;
  /** 0…1 where the stage knows how far it is; undefined: it cannot tell (an indeterminate bar). */
  fraction?: number;
}

let current: OpenProgress | undefined;
const listeners = new Set<() => void>();

function emit(next: OpenProgress | undefined): void {
  current = next;
  for (const l of listeners) l();
}

/** Shows a stage (its fraction unknown, or known). */
export function setOpenProgress(source: string, stage: OpenStage, fraction?: number): void {
  // Whole percents only: the bar cannot show finer steps, and each change re-renders it.
  const rounded = fraction === undefined ? undefined : Math.floor(Math.min(1, Math.max(0, fraction)) * 100) / 100;
  if (current && current.source === source && current.stage === stage && current.fraction === rounded) return;
  emit({ source, stage, fraction: rounded });
}

/** Hides the indicator (the open finished, or failed and said why). */
export function endOpenProgress(source: string): void {
  // Another open may have started meanwhile: it keeps its indicator.
  if (current?.source === source) emit(undefined);
}

/** The open in progress, for the indicator. */
export function useOpenProgress(): OpenProgress | undefined {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
