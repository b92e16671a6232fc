import { describe, expect, it } from 'vitest';
import { importLibraryZip } from '../../src/app/library/library-zip';

describe('importing a library zip', () => {
  it('says plainly that a file is not a zip, without JSZip’s own message, and adds nothing', async () => {
    const result = await importLibraryZip(new Blob(['CREATE TABLE t (id int);']));
    expect(result.added).toBe(0);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^not a zip file: choose a \.zip made by “Export all \(\.zip\)”/);
    expect(result.problems[0]).not.toMatch(/https?:|central directory/);
  });
});
