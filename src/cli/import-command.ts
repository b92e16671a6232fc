import { serialiseDocument } from '../io/serialise';
import { layoutDocument } from '../layout/elk';
import { formatProblem } from '../model/path';
import { validateDocument } from '../model/validate';
import { parseArgs, printable, quote, UsageError } from './args';
import { EXIT, messageOf, printErrors, type CliIo } from './io';
import { findErDiagramBlocks, type MermaidSource } from '../formats/mermaid/blocks';

export { findErDiagramBlocks, type MermaidSource };

// `import FILE [-o DOC] [--title TITLE]`: a Mermaid erDiagram (a .mmd file, or the first
// erDiagram block of a Markdown note) becomes a laid-out Crosswalk document.

function isMarkdown(path: string): boolean {
  return /\.(md|markdown)$/i.test(path);
}

/** A warning as one line; a leading `line N:` becomes `FILE:line N:`, moved by the block's place in the file. */
function describeWarning(path: string, warning: string, lineOffset: number): string {
  const moved = warning.replace(/^line (\d+):/, (_, n: string) => `${path}:line ${Number(n) + lineOffset}:`);
  return `warning: ${printable(moved)}`;
}

/** `import FILE [-o DOC] [--title TITLE]`. */
export async function runImport(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { out: { value: true, alias: 'o' }, title: { value: true } });
  if (positionals.length === 0) throw new UsageError('missing FILE (a .mmd or .md file holding a Mermaid erDiagram)');
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${quote(positionals[1])}`);
  const path = positionals[0];
  const title = flags.get('title');
  if (title === '') throw new UsageError('--title must not be empty');

  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    printErrors(io, [`cannot read ${printable(path)}: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }

  let source: MermaidSource = { text, lineOffset: 0 };
  if (isMarkdown(path)) {
    const blocks = findErDiagramBlocks(text);
    if (blocks.length === 0) {
      printErrors(io, [`${printable(path)}:line 1: no \`\`\`mermaid block holding an erDiagram in this Markdown file`]);
      return EXIT.failed;
    }
    if (blocks.length > 1) {
      printErrors(io, [`warning: ${blocks.length} erDiagram blocks; imported the first (line ${blocks[0].lineOffset + 1})`]);
    }
    source = blocks[0];
  }

  const { importMermaidEr } = await import('../formats/mermaid/import-er');
  const imported = importMermaidEr(source.text);
  if (!imported.ok) {
    printErrors(io, [`${printable(path)}:line ${imported.error.line + source.lineOffset}: ${printable(imported.error.message)}`]);
    return EXIT.failed;
  }
  printErrors(io, imported.warnings.map((w) => describeWarning(path, w, source.lineOffset)));

  let doc = typeof title === 'string' ? { ...imported.doc, title } : imported.doc;
  try {
    doc = await layoutDocument(doc, { elk: io.elk, onlyMissing: true });
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
  io.stdout(
    `wrote ${printable(out as string)} (${doc.systems.length} systems, ${doc.entities.length} entities, ${doc.links.length} links)\n`,
  );
  return EXIT.ok;
}
