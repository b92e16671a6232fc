import { parseDocumentText, describeParseError } from '../../io/file';
import { fileNameFor } from '../files/documents';
import { addToLibrary, libraryStorage, listLibrary } from '../persistence/library';
import type { CrosswalkDocument } from '../../model/types';

// The whole library as one zip (one .crosswalk.json per document) and back. JSZip loads
// on first use.

/** Packs every document of the library (not the trash) into a zip. */
export async function exportLibraryZip(): Promise<{ blob: Blob; count: number }> {
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  const { backend } = libraryStorage();
  const { documents } = await listLibrary();
  const used = new Set<string>();
  let count = 0;
  for (const meta of documents) {
    const record = await backend.readDoc(meta.id);
    if (!record) continue;
    // Titles repeat and may hold any character: a safe, unique name per file.
    const base = fileNameFor({ title: meta.title } as CrosswalkDocument, '');
    let name = `${base}.crosswalk.json`;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} ${n}.crosswalk.json`;
    used.add(name.toLowerCase());
    zip.file(name, record.text, { date: new Date(record.updatedAt) });
    count++;
  }
  const blob = await zip.generateAsync({ type: 'blob', compression: 'DEFLATE', mimeType: 'application/zip' });
  return { blob, count };
}

/** Adds every Crosswalk document of a zip to the library; lists what could not be read. */
export async function importLibraryZip(file: Blob): Promise<{ added: number; problems: string[] }> {
  const { default: JSZip } = await import('jszip');
  let zip: InstanceType<typeof JSZip>;
  try {
    zip = await JSZip.loadAsync(file);
  } catch {
    // JSZip's own message points at its documentation: say what the person can do instead.
    return { added: 0, problems: ['not a zip file: choose a .zip made by “Export all (.zip)” (a single document opens with Open)'] };
  }
  let added = 0;
  const problems: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir || !/\.json$/i.test(entry.name)) continue;
    const parsed = parseDocumentText(await entry.async('string'));
    if (!parsed.ok) {
      problems.push(`${entry.name}: ${describeParseError(parsed.error)[0]}`);
      continue;
    }
    await addToLibrary(parsed.doc);
    added++;
  }
  if (added === 0 && problems.length === 0) problems.push('the zip holds no .crosswalk.json file');
  return { added, problems };
}
