import type { CliIo } from '../../src/cli/io';

/** An in-memory CliIo: files in a map, output captured. */
export interface FakeIo extends CliIo {
  out: string;
  err: string;
  files: Map<string, string | Uint8Array>;
  written: Map<string, string | Uint8Array>;
}

/** Makes a fake io holding the given files. */
export function fakeIo(files: Record<string, string> = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    files: new Map(Object.entries(files)),
    written: new Map(),
    stdout: (t) => void (io.out += t),
    stderr: (t) => void (io.err += t),
    readFile: async (path) => {
      const f = io.files.get(path);
      if (f === undefined) throw new Error(`ENOENT: no such file or directory, open '${path}'`);
      return typeof f === 'string' ? f : new TextDecoder().decode(f);
    },
    writeFile: async (path, data) => {
      if (path.startsWith('/readonly/')) throw new Error(`EACCES: permission denied, open '${path}'`);
      io.written.set(path, data);
    },
  };
  return io;
}
