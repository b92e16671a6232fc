import { useEffect, useRef, useState } from 'react';
import { encodeShareFragment, SHARE_CHAT_LIMIT, SHARE_URL_LIMIT, shareFragment } from '../../io/share';
import { download, fileNameFor } from '../files/documents';
import { serialiseDocument } from '../../io/serialise';
import { Dialog } from '../panels/Dialog';
import { getState, notify, setUi } from '../store/store';

// The limits live with the encoding (the command line's `share` applies them too).
export { SHARE_CHAT_LIMIT, SHARE_URL_LIMIT };

function baseUrl(): string {
  const url = new URL(window.location.href);
  url.search = '';
  url.hash = '';
  return url.href;
}

/** "Copy share link": the whole document in the link's fragment, never sent to a server. */
export function ShareDialog() {
  const [link, setLink] = useState<string>();
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<string>();
  const box = useRef<HTMLTextAreaElement>(null);
  const close = () => setUi({ shareOpen: false });

  useEffect(() => {
    let live = true;
    encodeShareFragment(getState().doc).then(
      (data) => live && setLink(`${baseUrl()}#${shareFragment(data)}`),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const tooLong = link !== undefined && link.length > SHARE_URL_LIMIT;

  const copy = async (text: string, what: string) => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(`${what} copied (${text.length.toLocaleString('en')} characters).`);
    } catch {
      box.current?.select();
      setCopied('The browser did not allow copying: the link is selected in the box, copy it with Ctrl/Cmd+C.');
    }
  };

  // Copy at once, as the action's name promises; the dialog shows the outcome.
  useEffect(() => {
    if (link && !tooLong) void copy(link, 'Share link');
  }, [link, tooLong]);

  const saveFile = () => {
    const { doc } = getState();
    download(serialiseDocument(doc), fileNameFor(doc, '.crosswalk.json'), 'application/json');
    notify('success', 'Saved the document as a file: send the file instead of a link.');
  };

  return (
    <Dialog title="Share link" onClose={close} className="cw-share-dialog">
      {error && <p role="alert">Could not make a share link: {error}</p>}
      {!link && !error && <p className="cw-hint">Packing the document into a link…</p>}
      {link && tooLong && (
        <div role="alert" className="cw-share-too-long">
          <p>
            This document makes a link of {link.length.toLocaleString('en')} characters: too long for a URL (the limit used here is{' '}
            {SHARE_URL_LIMIT.toLocaleString('en')}, as Chromium refuses addresses over 2 MB).
          </p>
          <p>Send the file instead: the person opens it with Open or by dropping it on the app.</p>
          <button type="button" onClick={saveFile}>Download the file (.crosswalk.json)</button>
        </div>
      )}
      {link && !tooLong && (
        <>
          <p>
            Anyone with this link sees the document read-only and can edit a copy. The document travels inside the link (after the #),
            so it never reaches a server. {link.length.toLocaleString('en')} characters.
          </p>
          {link.length > SHARE_CHAT_LIMIT && (
            <p className="cw-share-warning">
              Over {SHARE_CHAT_LIMIT.toLocaleString('en')} characters: some chat tools and e-mail cut links this long. If it arrives
              broken, send the file instead.
            </p>
          )}
          <textarea ref={box} aria-label="Share link" readOnly value={link} rows={4} onFocus={(e) => e.currentTarget.select()} />
          <div className="cw-share-buttons">
            <button type="button" onClick={() => void copy(link, 'Share link')}>Copy link</button>
            <button type="button" onClick={() => void copy(`${link}&embed`, 'Embed link')}>
              Copy embed link (canvas only, for an iframe)
            </button>
            <button type="button" onClick={saveFile}>Download the file instead</button>
          </div>
          {copied && <p role="status">{copied}</p>}
        </>
      )}
    </Dialog>
  );
}
