import { encodeShareFragment, shareFragment } from '../io/share';
import { parseArgs, quote, UsageError } from './args';
import { openDocument } from './document-commands';
import { EXIT, type CliIo } from './io';

/** Where the app is served by `npm run dev`: the default base of a share link. */
export const DEFAULT_SHARE_BASE = 'http://localhost:5173/';

/**
 * `share DOC [--base URL] [--embed]`: prints a share link, `<base>#share=<data>`, that opens
 * the document read-only in the app (with `&embed`: the canvas alone, for an iframe).
 */
export async function runShare(args: readonly string[], io: CliIo): Promise<number> {
  const { positionals, flags } = parseArgs(args, { base: { value: true }, embed: { value: false } });
  if (positionals.length === 0) throw new UsageError('missing DOC (the document to share)');
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${quote(positionals[1])}`);
  const rawBase = flags.get('base');
  const baseText = typeof rawBase === 'string' ? rawBase : DEFAULT_SHARE_BASE;
  let base: URL;
  try {
    base = new URL(baseText);
  } catch {
    throw new UsageError(`--base ${quote(baseText)} is not an absolute URL (e.g. ${DEFAULT_SHARE_BASE})`);
  }
  if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new UsageError(`--base must be an http or https URL, not ${quote(base.protocol)}`);

  const path = positionals[0];
  const doc = await openDocument(io, path);
  if (!doc) return EXIT.failed;
  base.hash = shareFragment(await encodeShareFragment(doc), { embed: flags.has('embed') });
  io.stdout(`${base.href}\n`);
  return EXIT.ok;
}
