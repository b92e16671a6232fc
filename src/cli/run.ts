import { EXPORT_FORMATS, importFormatNames } from '../formats/registry';
import { SQL_DIALECTS } from '../formats/types';
import { printable, UsageError } from './args';
import { runExport, runValidate } from './document-commands';
import { runImport } from './import-command';
import { runCheck } from './check-command';
import { runShare } from './share-command';
import { EXIT, messageOf, printErrors, type CliIo } from './io';

/** The usage text: what `--help` and every usage error print. */
export const USAGE = `Usage: npm run -s crosswalk -- <command> [options]

Commands:
  validate DOC
      Check a Crosswalk document. Prints "ok: <title> (…)" or one "path: message" line
      per problem.
  export DOC --to FORMAT [-o OUT] [--layout] [--mappings] [--pair A,B]
      FORMAT is one of: ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.
      Without -o (or with -o -) text formats go to standard output; pptx needs -o FILE.
      pptx and svg lay out a document that lacks positions first. --layout does the same
      for the other formats (useful with --to json: the written document keeps the layout).
      --mappings adds mappings as dotted links to mermaid-er.
      --pair A,B (with --to svg) draws the integration view of systems A and B (names or
      ids): A's fields on the left, B's on the right, a transform box per mapping.
  import FILE [--from FORMAT] [--dialect DIALECT] [--into DOC] [-o OUT] [--title TITLE]
      Read FILE and write it as a Crosswalk document, laid out (standard output without -o).
      FORMAT is one of: ${importFormatNames().join(', ')}; without --from it is guessed
      from the file's extension and content. DIALECT (SQL) is one of: ${SQL_DIALECTS.join(', ')}
      (guessed from the script when absent). --into DOC merges into that document instead,
      matching systems, entities and fields by name (any case), and writes the result.
      Errors name the line: "FILE:line N: message".

  check DOC [--json] [--strict]
      The mapping coverage and gap report: per entity that receives mappings, fields fed
      and required fields fed; gaps (a required field with no mapping, types that differ
      with no transform, a field fed by several mappings), acknowledged ones with their
      note. --json prints it as JSON; --strict exits 1 when a gap is not acknowledged (for
      a CI job).
  share DOC [--base URL] [--embed]
      Print a share link, <base>#share=<data>: the whole document, compressed, in the
      link's fragment (never sent to a server). It opens read-only in the app, with "Edit
      a copy". Default base: http://localhost:5173/. --embed: the canvas alone (an iframe).
      A link over 2,000,000 characters is refused (exit 1: share the file); over 8,000,
      a warning (chat tools and e-mail may cut it).

Exit status: 0 success; 1 a bad or unreadable document, a failed export or import, or a
file that cannot be read or written; 2 bad usage (this text; also --help).
`;

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  validate: runValidate,
  export: runExport,
  import: runImport,
  check: runCheck,
  share: runShare,
};

/**
 * Runs the command line and returns the exit status. Everything it touches goes through
 * `io`, so tests run it in-process.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined || argv.some((a) => a === '--help' || a === '-h') || command === 'help') {
    io.stderr(USAGE);
    return EXIT.usage;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  try {
    if (!run) throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    return await run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      printErrors(io, [`error: ${printable(e.message)}`, '']);
      io.stderr(USAGE);
      return EXIT.usage;
    }
    printErrors(io, [`error: ${printable(messageOf(e))}`]);
    return EXIT.failed;
  }
}
