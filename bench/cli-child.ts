import { readFile, writeFile } from 'node:fs/promises';
import type { CliIo } from '../src/cli/io';
import { runCli } from '../src/cli/run';

// One command-line run, measured from inside its own process: `tsx bench/cli-child.ts
// <cw arguments>` runs the command as `npm run crosswalk` does, then prints one JSON line on
// stdout: how long the command took (after Node and tsx started; wall and CPU time) and the process's peak
// resident memory (maxRSS: whatever the command held at its worst, with the runtime).

const io: CliIo = {
  stdout: () => {},
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => readFile(path, 'utf8'),
  writeFile: (path, data) => writeFile(path, data),
};
const start = performance.now();
const cpuStart = process.cpuUsage();
const code = await runCli(process.argv.slice(2), io);
const ms = performance.now() - start;
const cpu = process.cpuUsage(cpuStart);
const cpuMs = (cpu.user + cpu.system) / 1000;
process.stdout.write(`${JSON.stringify({ code, ms, cpuMs, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
