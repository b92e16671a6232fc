import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from './io';
import { runCli } from './run';

// The thin entry point of `npm run crosswalk`: real files and streams around runCli.

const io: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, data) => writeFile(path, data),
};

// exitCode rather than exit(): piped output is flushed before the process ends.
process.exitCode = await runCli(process.argv.slice(2), io);
