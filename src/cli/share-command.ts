import { encodeShareFragment, SHARE_CHAT_LIMIT, SHARE_URL_LIMIT, shareFragment } from '../io/share';
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
  const length = base.href.length;
  const size = length.toLocaleString('en');
  // The same limits as the app's Share dialog: refuse what no browser opens, warn of chat tools.
  if (length > SHARE_URL_LIMIT) {
    io.stderr(`${path}: makes a link of ${size} characters: too long for a URL (the limit used here is ${SHARE_URL_LIMIT.toLocaleString('en')}, as Chromium refuses addresses over 2 MB). Share the file itself instead.\n`);
    return EXIT.failed;
  }
  if (length > SHARE_CHAT_LIMIT) io.stderr(`warning: the link is ${size} characters: some chat tools and e-mail cut links over ${SHARE_CHAT_LIMIT.toLocaleString('en')}; if it arrives cut, share the file instead.\n`);
  io.stdout(`${base.href}\n`);
  return EXIT.ok;
}
