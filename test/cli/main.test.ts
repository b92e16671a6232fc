import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('npm run crosswalk', () => {
  it('runs the real command line: validate an example, exit 0', async () => {
    const { stdout } = await promisify(execFile)('npm', ['run', '-s', 'crosswalk', '--', 'validate', 'examples/identity-lifecycle.crosswalk.json'], {
      cwd: root,
    });
    expect(stdout).toMatch(/^ok: Joiner.+ \(4 systems, 7 entities, 25 links\)\n$/);
  });

  it('passes the exit status through: 1 with path: message lines for a bad document', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'crosswalk-cli-'));
    try {
      const bad = join(dir, 'bad.crosswalk.json');
      const doc = { format: 'crosswalk', version: 1, title: 'Bad', systems: [{ id: 'a', name: '' }], entities: [], links: [] };
      await writeFile(bad, JSON.stringify(doc));
      const run = promisify(execFile)('npm', ['run', '-s', 'crosswalk', '--', 'validate', bad], { cwd: root });
      await expect(run).rejects.toMatchObject({ code: 1, stdout: '', stderr: expect.stringMatching(/^systems\[0\]\.name: /m) });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
