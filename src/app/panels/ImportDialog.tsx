import { useMemo, useRef, useState } from 'react';
import { acceptedFileTypes, findImportFormat, guessImportFormat, IMPORT_FORMATS } from '../../formats/registry';
import type { ImportMessage, SqlDialect } from '../../formats/types';
import { importAsNewDocument } from '../files/documents';
import { describeMessages, mergeIntoOpenDocument, readImport } from '../files/import-into';
import { getState, READ_ONLY_REASON, setUi, useAppStore } from '../store/store';
import { Dialog } from './Dialog';
import '../export/export.css';

// Paste or open anything the registry imports (erDiagram, SQL DDL, a mapping sheet…), into
// the open document (one undo step; only what is new is laid out) or as a new document. The
// formats, their options and the accepted file types all come from the registry. On an
// error nothing changes and the dialog lists each problem with its line.

const DETECT = '';
const PASTED = 'the pasted text';

/** An error to show: the message, where, and the line itself so it can be found in long text. */
interface ShownError extends ImportMessage {
  text?: string;
}

export function ImportDialog() {
  const [text, setText] = useState('');
  const [source, setSource] = useState(PASTED);
  const [formatId, setFormatId] = useState(DETECT);
  const [dialect, setDialect] = useState<SqlDialect | ''>('');
  // A read-only (shared) document takes nothing in: the import becomes a new document.
  const readOnly = useAppStore((s) => !!s.ui.readOnly);
  const [into, setInto] = useState(() => !getState().ui.readOnly);
  const [errors, setErrors] = useState<ShownError[]>([]);
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => setUi({ importOpen: false });

  // The format the text will be read as: the chosen one, or the one it looks like.
  const format = useMemo(
    () => (formatId ? findImportFormat(formatId) : text.trim() ? guessImportFormat(text, source === PASTED ? undefined : source) : undefined),
    [formatId, text, source],
  );
  const dialectOption = format?.options?.find((o) => o.id === 'dialect');

  const run = async (body: string, from: string) => {
    setBusy(true);
    setErrors([]);
    try {
      const fileName = from === PASTED ? undefined : from;
      if (!into) {
        if (await importAsNewDocument(body, fileName ?? 'Imported', format?.id, dialect ? { dialect } : {})) close();
        return;
      }
      const reading = await readImport(body, { format: format?.id, fileName, ...(dialect ? { dialect } : {}) });
      if (!reading.ok) {
        const lines = body.split(/\r?\n/);
        setErrors(reading.errors.map((e) => ({ ...e, text: e.line === undefined ? undefined : lines[e.line - 1] })));
        return;
      }
      if (await mergeIntoOpenDocument(reading.doc, reading.warnings, from === PASTED ? `the pasted ${reading.format.label}` : from)) close();
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File) => {
    let body: string;
    try {
      body = await file.text();
    } catch (e) {
      setErrors([{ message: `could not read ${file.name}: ${e instanceof Error ? e.message : String(e)}` }]);
      return;
    }
    // Show what was read, so an error's line can be found and fixed here.
    setText(body);
    setSource(file.name);
    await run(body, file.name);
  };

  return (
    <Dialog title="Import" onClose={close} className="cw-import">
      <p className="cw-hint">
        Paste or choose a file: {IMPORT_FORMATS.map((f) => f.label).join(', ')}. The format is recognised from the text;
        choose one if it is not.
      </p>
      <div className="cw-export-row">
        <label className="cw-export-row">
          <span>Format</span>
          <select aria-label="Format" value={formatId} disabled={busy} onChange={(e) => setFormatId(e.target.value)}>
            <option value={DETECT}>{format && !formatId ? `Detected: ${format.label}` : 'Detect from the text'}</option>
            {IMPORT_FORMATS.map((f) => (
              <option key={f.id} value={f.id}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        {dialectOption && (
          <label className="cw-export-row">
            <span>{dialectOption.label}</span>
            <select aria-label={dialectOption.label} value={dialect} disabled={busy} onChange={(e) => setDialect(e.target.value as SqlDialect | '')}>
              <option value="">Detect</option>
              {dialectOption.values.map((v) => (
                <option key={v} value={v}>
                  {v}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <textarea
        aria-label="Text to import"
        autoFocus
        placeholder={format?.sample ?? IMPORT_FORMATS.find((f) => f.sample)?.sample}
        value={text}
        spellCheck={false}
        onChange={(e) => {
          setText(e.target.value);
          setSource(PASTED);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && text.trim() && !busy) {
            e.preventDefault();
            void run(text, source);
          }
        }}
      />
      <fieldset className="cw-fieldset" disabled={busy}>
        <legend>Import</legend>
        <label className="cw-radio" title={readOnly ? READ_ONLY_REASON : undefined}>
          <input type="radio" name="import-into" checked={into} disabled={readOnly} onChange={() => setInto(true)} />
          Into this document (matching names are kept; one undo step)
        </label>
        <label className="cw-radio">
          <input type="radio" name="import-into" checked={!into} onChange={() => setInto(false)} />
          As a new document
        </label>
      </fieldset>
      {errors.length > 0 && (
        <div className="cw-mermaid-error" role="alert">
          {errors.slice(0, 20).map((e, i) => (
            <div key={i}>
              {source === PASTED ? '' : `${source}, `}
              {describeMessages([e])[0]}
              {e.text !== undefined && e.text.trim() !== '' && <code className="cw-import-line">{e.text}</code>}
            </div>
          ))}
          {errors.length > 20 && <div>…and {errors.length - 20} more</div>}
        </div>
      )}
      <div className="cw-dialog-actions">
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="Choose a file to import"
          accept={acceptedFileTypes()}
          onChange={(e) => {
            const file = e.target.files?.[0];
            // Clear it, so choosing the same file again (after fixing it) reads it again.
            e.target.value = '';
            if (file) void chooseFile(file);
          }}
        />
        <button type="button" style={{ marginRight: 'auto' }} disabled={busy} onClick={() => fileInput.current?.click()}>
          Choose file…
        </button>
        {busy && (
          <span className="cw-progress" role="status">
            Importing…
          </span>
        )}
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" className="cw-primary" disabled={busy || !text.trim()} onClick={() => void run(text, source)}>
          Import
        </button>
      </div>
    </Dialog>
  );
}
