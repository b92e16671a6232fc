import { findImportFormat, guessImportFormat, importFormatNames, type ImportFormat } from '../formats/registry';
import { mergeDocuments } from '../formats/merge';
import { SQL_DIALECTS, type FormatImportOptions, type ImportMessage, type SqlDialect } from '../formats/types';
import { serialiseDocument } from '../io/serialise';
import { layoutDocument } from '../layout/elk';
import { layoutNewBeside } from '../layout/place-new';
import { formatProblem } from '../model/path';
import type { CrosswalkDocument } from '../model/types';
import { validateDocument } from '../model/validate';
import { parseArgs, printable, quote, UsageError } from './args';
import { openDocument } from './document-commands';
import { EXIT, messageOf, printErrors, type CliIo } from './io';
import { findErDiagramBlocks, type MermaidSource } from '../formats/mermaid/blocks';
import { count } from '../model/plural';

export { findErDiagramBlocks, type MermaidSource };

// `import FILE [--from FORMAT] [--dialect D] [--into DOC] [-o OUT] [--title TITLE]`: any
// format the registry can import becomes a laid-out Crosswalk document, or is merged into
// an existing one. Whatever the format, the result is validated before it is written.

/** `FILE:line N: message`, or `FILE: message` for a message about no one line. */
function describe(path: string, m: ImportMessage): string {
  return printable(m.line === undefined ? `${path}: ${m.message}` : `${path}:line ${m.line}: ${m.message}`);
}

/** The importing format: named by --from, else guessed from the file's name and content. */
function chooseFormat(from: string | true | undefined, text: string, path: string): ImportFormat {
  if (typeof from === 'string') {
    const format = findImportFormat(from);
    if (!format) throw new UsageError(`unknown format ${quote(from)} for --from (one of ${importFormatNames().join(', ')})`);
    return format;
  }
  const guessed = guessImportFormat(text, path);
  if (!guessed) throw new UsageError(`cannot tell what format ${quote(path)} is in: give --from (one of ${importFormatNames().join(', ')})`);
  return guessed;
}

/** `import FILE [--from FORMAT] [--dialect D] [--into DOC] [-o OUT] [--title TITLE]`. */
export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, {
    out: { value: true, alias: 'o' },
    title: { value: true },
    from: { value: true },
    dialect: { value: true },
    into: { value: true },
  });
  if (positionals.length === 0) throw new UsageError(`missing FILE (the file to import: ${importFormatNames().join(', ')})`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${quote(positionals[1])}`);
  const path = positionals[0];
  const title = flags.get('title');
  if (title === '') throw new UsageError('--title must not be empty');
  const dialect = flags.get('dialect');
  if (typeof dialect === 'string' && !(SQL_DIALECTS as readonly string[]).includes(dialect)) {
    throw new UsageError(`unknown dialect ${quote(dialect)} (one of ${SQL_DIALECTS.join(', ')})`);
  }

  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    printErrors(io, [`cannot read ${printable(path)}: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }
  const format = chooseFormat(flags.get('from'), text, path);
  if (dialect !== undefined && !format.options?.some((o) => o.id === 'dialect')) {
    throw new UsageError(`--dialect is for SQL; ${quote(path)} is read as ${format.label}`);
  }

  const into = flags.get('into');
  const base = typeof into === 'string' ? await openDocument(io, into) : undefined;
  if (typeof into === 'string' && !base) return EXIT.failed;

  const options: FormatImportOptions = { fileName: path.replace(/^.*[\\/]/, '') };
  if (typeof title === 'string') options.title = title;
  if (typeof dialect === 'string') options.dialect = dialect as SqlDialect;
  const imported = await format.import(text, options);
  if (!imported.ok) {
    printErrors(io, imported.errors.map((m) => describe(path, m)));
    return EXIT.failed;
  }
  printErrors(io, imported.warnings.map((m) => `warning: ${describe(path, m)}`));

  let doc: CrosswalkDocument = imported.doc;
  let summary = '';
  if (base) {
    const merged = mergeDocuments(base, imported.doc);
    doc = typeof title === 'string' ? { ...merged.doc, title } : merged.doc;
    const { systems, entities, fields, links } = merged.added;
    summary = `; added ${count(systems.length, 'system')}, ${count(entities.length, 'entity')}, ${count(fields, 'field')}, ${count(links.length, 'link')}`;
    if (merged.updated.links.length) summary += `; updated ${count(merged.updated.links.length, 'link')}`;
  }
  try {
    // Into a document: only what is new is laid out, beside what is there.
    doc = base ? await layoutNewBeside(doc, { elk: io.elk }) : await layoutDocument(doc, { elk: io.elk, onlyMissing: true });
  } catch (e) {
    printErrors(io, [`layout failed: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }
  // The importer's output is checked like any file, so a bad document is never written.
  const checked = validateDocument(doc);
  if (!checked.ok) {
    printErrors(io, ['the imported document is not valid (a bug in the importer):', ...checked.problems.map(formatProblem).map(printable)]);
    return EXIT.failed;
  }

  const json = serialiseDocument(checked.doc);
  const out = flags.get('out');
  if (out === undefined || out === '-') {
    io.stdout(json);
    return EXIT.ok;
  }
  try {
    await io.writeFile(out as string, json);
  } catch (e) {
    printErrors(io, [`cannot write ${printable(out as string)}: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }
  io.stdout(`wrote ${printable(out as string)} (${count(doc.systems.length, 'system')}, ${count(doc.entities.length, 'entity')}, ${count(doc.links.length, 'link')}${summary})\n`);
  return EXIT.ok;
}
