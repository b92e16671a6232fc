import { useState } from 'react';
import { importMermaidText, readMermaidImport } from '../files/documents';
import { setUi } from '../store/store';
import { Dialog } from './Dialog';

const SAMPLE = `erDiagram
    CUSTOMER ||--o{ ORDER : places
    ORDER ||--|{ LINE-ITEM : contains
    CUSTOMER {
        string id PK
        string email UK "lower-cased"
    }`;

/** Paste or open a Mermaid erDiagram and open it as a new document (laid out automatically). */
export function ImportDialog() {
  const [text, setText] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const close = () => setUi({ importOpen: false });

  const run = async (source: string, body: string) => {
    setBusy(true);
    setError(undefined);
    const check = await readMermaidImport(body);
    if (!check.ok) {
      // The open document is untouched; say where the text is wrong.
      setError(`Line ${check.error.line}: ${check.error.message}`);
      setBusy(false);
      return;
    }
    const ok = await importMermaidText(body, source);
    setBusy(false);
    if (ok) close();
  };

  return (
    <Dialog title="Import Mermaid erDiagram" onClose={close} className="cw-import">
      <p className="cw-hint">Paste an erDiagram, or choose a .mmd or .md file. It opens as a new document; Undo brings back the current one.</p>
      <textarea aria-label="erDiagram text" placeholder={SAMPLE} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
      {error && (
        <p className="cw-mermaid-error" role="alert">
          {error}
        </p>
      )}
      <div className="cw-dialog-actions">
        <label className="cw-radio" style={{ marginRight: 'auto' }}>
          <span>File:</span>
          <input
            type="file"
            aria-label="Choose a Mermaid file"
            accept=".mmd,.mermaid,.md,text/plain"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) await run(file.name, await file.text());
            }}
          />
        </label>
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" className="cw-primary" disabled={busy || !text.trim()} onClick={() => void run('pasted erDiagram', text)}>
          Import
        </button>
      </div>
    </Dialog>
  );
}
