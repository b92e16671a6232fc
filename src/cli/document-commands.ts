import { EXPORT_FORMATS, findExportFormat, type ExportFormat } from '../formats/registry';
import { describeParseError, parseDocumentText } from '../io/file';
import { layoutDocument } from '../layout/elk';
import { resolvePair, type SystemPair } from '../layout/integration';
import type { CrosswalkDocument } from '../model/types';
import { parseArgs, printable, quote, UsageError } from './args';
import { EXIT, messageOf, printErrors, type CliIo } from './io';
import { count } from '../model/plural';

// `validate` and `export`: both start by opening a document file the way the app does.

/** Reads and parses a document file; prints why not and returns undefined when it fails. */
export async function openDocument(io: CliIo, path: string): Promise<CrosswalkDocument | undefined> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (e) {
    printErrors(io, [`cannot read ${printable(path)}: ${printable(messageOf(e))}`]);
    return undefined;
  }
  const result = parseDocumentText(text);
  if (result.ok) return result.doc;
  printErrors(io, [`${printable(path)}: not a valid Crosswalk document`, ...describeParseError(result.error).map(printable)]);
  return undefined;
}

/** The one positional argument a command takes; a usage error when it is missing or repeated. */
export function onePositional(positionals: readonly string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${quote(positionals[1])}`);
  return positionals[0];
}

/** `validate DOC`: exit 0 with a one-line summary, or 1 with `path: message` lines. */
export async function runValidate(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals } = parseArgs(args, {});
  const path = onePositional(positionals, 'DOC (the document to check)');
  const doc = await openDocument(io, path);
  if (!doc) return EXIT.failed;
  io.stdout(
    `ok: ${printable(doc.title)} (${count(doc.systems.length, 'system')}, ${count(doc.entities.length, 'entity')}, ${count(doc.links.length, 'link')})\n`,
  );
  return EXIT.ok;
}

/** Formats whose output is text and may go to standard output. */
function isText(format: ExportFormat): boolean {
  return format.mime.startsWith('text/') || format.mime === 'application/json' || format.mime === 'image/svg+xml';
}

/** Formats drawn from positions: a document without them is laid out first. */
const NEEDS_POSITIONS: ReadonlySet<ExportFormat['id']> = new Set(['pptx', 'svg']);

/** `export DOC --to FORMAT [-o OUT] [--layout] [--mappings] [--pair A,B]`. */
export async function runExport(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, {
    to: { value: true },
    out: { value: true, alias: 'o' },
    layout: { value: false },
    mappings: { value: false },
    pair: { value: true },
  });
  const path = onePositional(positionals, 'DOC (the document to export)');
  const to = flags.get('to');
  if (typeof to !== 'string') throw new UsageError(`missing --to (one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')})`);
  const format = findExportFormat(to);
  if (!format) throw new UsageError(`unknown format ${quote(to)} (one of ${EXPORT_FORMATS.map((f) => f.id).join(', ')})`);
  const out = flags.get('out');
  const toStdout = out === undefined || out === '-';
  if (toStdout && !isText(format)) {
    throw new UsageError(`${format.id} is binary: give an output file with -o FILE${format.extension}`);
  }

  const pairSpec = flags.get('pair');
  if (pairSpec !== undefined && format.id !== 'svg') throw new UsageError('--pair goes with --to svg (the integration view of two systems)');
  if (pairSpec === true) throw new UsageError('--pair needs two systems: --pair "Workday,Okta"');

  let doc = await openDocument(io, path);
  if (!doc) return EXIT.failed;
  let pair: SystemPair | undefined;
  if (typeof pairSpec === 'string') {
    const found = resolvePair(doc, pairSpec);
    if ('error' in found) {
      printErrors(io, [printable(found.error)]);
      return EXIT.failed;
    }
    pair = found.pair;
  }
  if ((NEEDS_POSITIONS.has(format.id) && !pair) || flags.has('layout')) {
    try {
      doc = await layoutDocument(doc, { elk: io.elk, onlyMissing: true });
    } catch (e) {
      printErrors(io, [`layout failed: ${printable(messageOf(e))}`]);
      return EXIT.failed;
    }
  }

  let result: string | Uint8Array;
  try {
    result = pair ? (await import('../formats/svg/integration')).exportIntegrationSvg(doc, pair) : await format.run(doc, { mermaidMappings: flags.has('mappings') });
  } catch (e) {
    printErrors(io, [`export to ${format.id} failed: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }
  if (toStdout) {
    io.stdout(typeof result === 'string' ? result : new TextDecoder().decode(result));
    return EXIT.ok;
  }
  try {
    await io.writeFile(out as string, result);
  } catch (e) {
    printErrors(io, [`cannot write ${printable(out as string)}: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }
  const bytes = typeof result === 'string' ? new TextEncoder().encode(result).length : result.length;
  io.stdout(`wrote ${printable(out as string)} (${pair ? 'integration view SVG' : format.label}, ${bytes} bytes)\n`);
  return EXIT.ok;
}
