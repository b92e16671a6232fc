import { guessImportFormat, findImportFormat, type ImportFormat } from '../../formats/registry';
import type { FormatImportOptions, FormatImportResult, ImportMessage } from '../../formats/types';
import { validateDocument } from '../../model/validate';
import type { CrosswalkDocument } from '../../model/types';
import { applyEdit, getState, notify, setUi } from '../store/store';
import { count } from '../../model/plural';

// Every import in the app goes through the registry: the import dialog, the Open button, a
// dropped file and text pasted onto the canvas. Into the open document, an import is one
// undo step that lays out only what is new, beside what is there; as a new document, it
// opens like any file. What an importer makes is validated before the user sees it.

/** What reading a text gave: a document and warnings, or every error (nothing imported). */
export type ImportReading =
  | { ok: true; format: ImportFormat; doc: CrosswalkDocument; warnings: ImportMessage[] }
  | { ok: false; format?: ImportFormat; errors: ImportMessage[] };

/** Reads a text with the named format, or the one it looks like. Never throws. */
export async function readImport(text: string, options: FormatImportOptions & { format?: string }): Promise<ImportReading> {
  const format = options.format ? findImportFormat(options.format) : guessImportFormat(text, options.fileName);
  if (!format) {
    return { ok: false, errors: [{ message: 'cannot tell what format this is: choose one (Mermaid erDiagram, SQL DDL, a mapping sheet…)' }] };
  }
  const { format: _name, ...importOptions } = options;
  try {
    const result = await runImporter(format, text, importOptions);
    if (!result.ok) return { ok: false, format, errors: result.errors };
    const checked = validateDocument(result.doc);
    if (!checked.ok) {
      return { ok: false, format, errors: checked.problems.map((p) => ({ message: `the importer made an invalid document (${p.path}: ${p.message})` })) };
    }
    return { ok: true, format, doc: checked.doc, warnings: result.warnings };
  } catch (e) {
    return { ok: false, format, errors: [{ message: e instanceof Error ? e.message : String(e) }] };
  }
}

/**
 * Runs a format's importer. An erDiagram is read in the import worker (import-worker.ts), so
 * a big paste never freezes the page; the other parsers run here for now.
 */
async function runImporter(format: ImportFormat, text: string, options: FormatImportOptions): Promise<FormatImportResult> {
  if (format.id !== 'mermaid') return format.import(text, options);
  const { importInWorker } = await import('./import-worker');
  const result = await importInWorker('mermaid-er', text);
  if (!result.ok) return { ok: false, errors: [result.error] };
  const warnings = result.warnings.map((w) => {
    const m = /^line (\d+): /.exec(w);
    return m ? { line: Number(m[1]), message: w.slice(m[0].length) } : { message: w };
  });
  return { ok: true, doc: options.title ? { ...result.doc, title: options.title } : result.doc, warnings };
}

/** `line 4: message` lines for a toast's details. */
export function describeMessages(messages: readonly ImportMessage[]): string[] {
  return messages.map((m) => (m.line === undefined ? m.message : `line ${m.line}: ${m.message}`));
}

/**
 * Merges an imported document into the open one as ONE undo step: systems, entities and
 * fields that match by name are kept, what is new is laid out beside what is there and
 * selected. Returns false (and says why) when the result would not be a valid document.
 */
export async function mergeIntoOpenDocument(imported: CrosswalkDocument, warnings: readonly ImportMessage[], source: string): Promise<boolean> {
  const [{ mergeDocuments }, { layoutNewBeside }, { createWorkerElk }] = await Promise.all([
    import('../../formats/merge'),
    import('../../layout/place-new'),
    import('../../layout/elk-worker-client'),
  ]);
  setUi({ busy: 'Laying out what is new…' });
  const elk = createWorkerElk();
  try {
    // Merged against the document as it is when the layout is done: an edit made meanwhile is kept.
    for (let attempt = 0; attempt < 3; attempt++) {
      const base = getState().doc;
      const { doc, added, updated } = mergeDocuments(base, imported);
      const placed = await layoutNewBeside(doc, { elk });
      if (getState().doc !== base) continue;
      const checked = validateDocument(placed);
      if (!checked.ok) {
        notify('error', `Could not import ${source}: the result would not be a valid document.`, checked.problems.slice(0, 20).map((p) => `${p.path}: ${p.message}`));
        return false;
      }
      // What is new is selected: new systems, and new entities that are not inside one.
      const newSystems = new Set(added.systems);
      const loose = checked.doc.entities.filter((e) => added.entities.includes(e.id) && !(e.system !== undefined && newSystems.has(e.system)));
      applyEdit(() => checked.doc, { ids: [...added.systems, ...loose.map((e) => e.id)] });
      setUi({ fitRequest: getState().ui.fitRequest + 1 });
      const what = `${count(added.systems.length, 'system')}, ${count(added.entities.length, 'entity', 'entities')}, ${count(added.fields, 'field')}, ${count(added.links.length, 'link')}`;
      const nothing = added.systems.length + added.entities.length + added.fields + added.links.length === 0;
      const changed = updated.links.length ? `updated ${count(updated.links.length, 'link')}` : '';
      const text = nothing ? `Imported ${source}: ${changed || 'everything in it was already here'}` : `Imported ${source}: added ${what}${changed ? `; ${changed}` : ''}`;
      notify(warnings.length ? 'info' : 'success', warnings.length ? `${text} (${count(warnings.length, 'warning')})` : text, warnings.length ? describeMessages(warnings).slice(0, 50) : undefined);
      return true;
    }
    notify('info', `The document kept changing; ${source} was not imported. Try again.`);
    return false;
  } catch (e) {
    notify('error', `Could not import ${source}: ${e instanceof Error ? e.message : String(e)}`);
    return false;
  } finally {
    elk.terminate?.();
    setUi({ busy: undefined });
  }
}

/** Sniffing that is sure enough to act on pasted text without being asked. */
const PASTE_CONFIDENCE = 0.6;

/**
 * Text pasted onto the canvas: DDL, DBML, a mapping sheet or an erDiagram is imported into
 * the open document. Returns false when the text is none of these (the caller pastes as usual).
 */
export function importPastedText(text: string): boolean {
  if (!text.trim()) return false;
  const format = guessImportFormat(text, undefined);
  // A copied Crosswalk fragment or document is the app's own paste, not an import.
  if (!format || format.id === 'json' || format.sniff(text, undefined) < PASTE_CONFIDENCE) return false;
  void (async () => {
    const reading = await readImport(text, { format: format.id });
    const source = `the pasted ${format.label}`;
    if (!reading.ok) {
      notify('error', `Could not import ${source}: ${describeMessages(reading.errors)[0]}`, describeMessages(reading.errors).slice(0, 50));
      return;
    }
    await mergeIntoOpenDocument(reading.doc, reading.warnings, source);
  })();
  return true;
}
