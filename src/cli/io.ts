import type { ElkLike } from '../layout/elk';

/** What the command line touches of the outside world; tests pass their own. */
export interface CliIo {
  /** Writes to standard output (no newline added). */
  stdout(text: string): void;
  /** Writes to standard error (no newline added). */
  stderr(text: string): void;
  /** Reads a UTF-8 text file; rejects with the system's reason. */
  readFile(path: string): Promise<string>;
  /** Writes a file (text as UTF-8); rejects with the system's reason. */
  writeFile(path: string, data: string | Uint8Array): Promise<void>;
  /** The ELK to lay documents out with (default: elkjs in this thread). */
  elk?: ElkLike;
}

/** Exit codes, as the usage text states them. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** Prints lines to standard error. */
export function printErrors(io: CliIo, lines: readonly string[]): void {
  io.stderr(lines.map((l) => `${l}\n`).join(''));
}

/** The message of whatever was thrown. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
