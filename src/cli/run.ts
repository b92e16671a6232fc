import { EXPORT_FORMATS } from '../formats/registry';
import { printable, UsageError } from './args';
import { runExport, runValidate } from './document-commands';
import { runImport } from './import-command';
import { runShare } from './share-command';
import { EXIT, messageOf, printErrors, type CliIo } from './io';

/** The usage text: what `--help` and every usage error print. */
export const USAGE = `Usage: npm run -s crosswalk -- <command> [options]

Commands:
  validate DOC
      Check a Crosswalk document. Prints "ok: <title> (…)" or one "path: message" line
      per problem.
  export DOC --to FORMAT [-o OUT] [--layout] [--mappings]
      FORMAT is one of: ${EXPORT_FORMATS.map((f) => f.id).join(', ')}.
      Without -o (or with -o -) text formats go to standard output; pptx needs -o FILE.
      pptx and svg lay out a document that lacks positions first. --layout does the same
      for the other formats (useful with --to json: the written document keeps the layout).
      --mappings adds mappings as dotted links to mermaid-er.
  import FILE [-o DOC] [--title TITLE]
      Read a Mermaid erDiagram (a .mmd file, or the first \`\`\`mermaid erDiagram block of a
      .md file), lay it out and write it as a Crosswalk document (standard output without -o).
  share DOC [--base URL] [--embed]
      Print a share link, <base>#share=<data>: the whole document, compressed, in the
      link's fragment (never sent to a server). It opens read-only in the app, with "Edit
      a copy". Default base: http://localhost:5173/. --embed: the canvas alone (an iframe).

Exit status: 0 success; 1 a bad or unreadable document, a failed export or import, or a
file that cannot be read or written; 2 bad usage (this text; also --help).
`;

const COMMANDS: Readonly<Record<string, (args: readonly string[], io: CliIo) => Promise<number>>> = {
  validate: runValidate,
  export: runExport,
  import: runImport,
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
