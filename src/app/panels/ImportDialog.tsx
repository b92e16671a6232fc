import { useRef, useState } from 'react';
import { importMermaidText, readMermaidImport } from '../files/documents';
import { setUi } from '../store/store';
import { Dialog } from './Dialog';
import '../export/export.css';

const SAMPLE = `erDiagram
    CUSTOMER ||--o{ ORDER : places
    ORDER ||--|{ LINE-ITEM : contains
    CUSTOMER {
        string id PK
        string email UK "lower-cased"
    }`;

/** An import error: where, and the line itself so it can be found in long text. */
interface ImportError {
  line: number;
  message: string;
  source: string;
  text?: string;
}

const PASTED = 'pasted erDiagram';

/** "Line 4: …" for pasted text, "orders.mmd, line 4: …" for a file. */
function describeError(e: ImportError): string {
  const where = e.line > 0 ? `line ${e.line}` : '';
  if (e.source === PASTED) return where ? `Line ${e.line}: ${e.message}` : e.message;
  return `${e.source}${where ? `, ${where}` : ''}: ${e.message}`;
}

/**
 * Paste or open a Mermaid erDiagram (or a Markdown note holding one) and open it as a new
 * document, laid out automatically. On an error the open document stays as it was and the
 * dialog says which line is wrong.
 */
export function ImportDialog() {
  const [text, setText] = useState('');
  const [source, setSource] = useState(PASTED);
  const [error, setError] = useState<ImportError>();
  const [busy, setBusy] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const close = () => setUi({ importOpen: false });

  const run = async (body: string, from: string) => {
    setBusy(true);
    setError(undefined);
    try {
      // Check first, so the error can be shown here with its line; importMermaidText then
      // lays out and opens it (and reports any failure itself).
      const check = await readMermaidImport(body);
      if (!check.ok) {
        const { line, message } = check.error;
        setError({ line, message, source: from, text: body.split(/\r?\n/)[line - 1] });
        return;
      }
      if (await importMermaidText(body, from)) close();
    } catch (e) {
      setError({ line: 0, message: e instanceof Error ? e.message : String(e), source: from });
    } finally {
      setBusy(false);
    }
  };

  const chooseFile = async (file: File) => {
    let body: string;
    try {
      body = await file.text();
    } catch (e) {
      setError({ line: 0, message: `could not read the file: ${e instanceof Error ? e.message : String(e)}`, source: file.name });
      return;
    }
    // Show what was read, so an error's line can be found and fixed here.
    setText(body);
    setSource(file.name);
    await run(body, file.name);
  };

  return (
    <Dialog title="Import Mermaid erDiagram" onClose={close} className="cw-import">
      <p className="cw-hint">
        Paste an erDiagram, or choose a .mmd or .md file (the first erDiagram block of a note is read). It opens as a new
        document, laid out automatically; Undo brings back the current one.
      </p>
      <textarea
        aria-label="erDiagram text"
        autoFocus
        placeholder={SAMPLE}
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
      {error && (
        <div className="cw-mermaid-error" role="alert">
          {describeError(error)}
          {error.text !== undefined && error.text.trim() !== '' && <code className="cw-import-line">{error.text}</code>}
        </div>
      )}
      <div className="cw-dialog-actions">
        <input
          ref={fileInput}
          type="file"
          hidden
          aria-label="Choose a Mermaid file"
          accept=".mmd,.mermaid,.md,text/plain,text/markdown"
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
