import { execFile } from 'node:child_process';
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

  it('passes the exit status through: 2 for bad usage', async () => {
    const run = promisify(execFile)('npm', ['run', '-s', 'crosswalk', '--', 'frobnicate'], { cwd: root });
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('unknown command "frobnicate"') });
  });
});
