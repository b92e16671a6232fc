// Timing helpers for the benchmark harness: median of N runs after one warm-up run (the
// warm-up also pays for dynamic imports, which the first user action pays once too).

/** The outcome of one benchmark case. */
export type Outcome =
  | { kind: 'ok'; median: number; min: number; max: number; runs: number }
  | { kind: 'not-implemented' }
  | { kind: 'error'; message: string };

/** Median of a non-empty list of numbers. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Whether an error is a colleague's placeholder ("… not implemented yet"). */
function isNotImplemented(e: unknown): boolean {
  return e instanceof Error && /not implemented/i.test(e.message);
}

/** Runs `fn` once to warm up, then `runs` times, and returns the median time in ms. */
export async function measure(fn: () => unknown, runs: number): Promise<Outcome> {
  try {
    await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const start = performance.now();
      await fn();
      times.push(performance.now() - start);
    }
    return { kind: 'ok', median: median(times), min: Math.min(...times), max: Math.max(...times), runs };
  } catch (e) {
    if (isNotImplemented(e)) return { kind: 'not-implemented' };
    return { kind: 'error', message: e instanceof Error ? e.message : String(e) };
  }
}

/** Formats milliseconds for the table. */
export function formatMs(ms: number): string {
  return ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
}

/** Formats a byte count as kB (1000 bytes, as Vite prints them). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} kB`;
}

/**
 * Renders rows as a plain-text table with a header rule. `align` has one letter per column,
 * `l` or `r` (default: the first column left, the others right).
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], align?: string): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const left = (i: number) => (align ? align[i] !== 'r' : i === 0);
  const line = (cells: readonly string[]) =>
    cells.map((c, i) => (left(i) ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
