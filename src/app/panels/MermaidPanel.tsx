import { useEffect, useMemo, useRef, useState } from 'react';
import { exportMarkdown } from '../../export/markdown/markdown';
import { exportMermaidEr } from '../../export/mermaid/er';
import { exportMermaidFlowchart } from '../../export/mermaid/flowchart';
import { download, fileNameFor } from '../files/documents';
import { getState, notify, useAppStore } from '../store/store';

type Mermaid = typeof import('mermaid').default;
let mermaidPromise: Promise<Mermaid> | undefined;

/** Loads mermaid on first use and initialises it once: strict, plain, no error SVGs in the page. */
function loadMermaid(): Promise<Mermaid> {
  mermaidPromise ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      suppressErrorRendering: true,
      theme: 'base',
      themeVariables: {
        background: '#ffffff',
        primaryColor: '#ffffff',
        primaryBorderColor: '#000000',
        primaryTextColor: '#000000',
        lineColor: '#000000',
        secondaryColor: '#f4f4f4',
        tertiaryColor: '#ffffff',
        clusterBkg: '#ffffff',
        clusterBorder: '#000000',
        fontFamily: 'Arial, Helvetica, sans-serif',
      },
      maxTextSize: 500_000,
      maxEdges: 5_000,
    });
    return mermaid;
  });
  return mermaidPromise;
}

let renderSeq = 0;

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', `${what} copied to the clipboard.`);
  } catch (e) {
    notify('error', `Could not copy ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A live Mermaid preview of the document, rendered by the real mermaid library. A render
 * error is shown as text above the last picture that rendered, never as a blank.
 */
export function MermaidPanel() {
  const doc = useAppStore((s) => s.doc);
  const [kind, setKind] = useState<'er' | 'flow'>('flow');
  const [mappings, setMappings] = useState(false);
  const [error, setError] = useState<string>();
  const [rendering, setRendering] = useState(true);
  const target = useRef<HTMLDivElement>(null);
  const text = useMemo(() => (kind === 'er' ? exportMermaidEr(doc, { mappings }) : exportMermaidFlowchart(doc)), [doc, kind, mappings]);

  useEffect(() => {
    let cancelled = false;
    const timer = setTimeout(async () => {
      const id = `cw-mermaid-${++renderSeq}`;
      setRendering(true);
      try {
        const mermaid = await loadMermaid();
        const { svg } = await mermaid.render(id, text);
        if (cancelled) return;
        // Mermaid's strict mode sanitises labels; the SVG is its own output, not user HTML.
        if (target.current) target.current.innerHTML = svg;
        setError(undefined);
      } catch (e) {
        if (!cancelled) setError(e instanceof Error ? e.message : String(e));
      } finally {
        // Mermaid removes its scratch element itself; the SVG we inserted carries `id`, so keep it.
        if (!cancelled) setRendering(false);
      }
    }, 300);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
  }, [text]);

  const ext = '.mmd';
  return (
    <div className="cw-mermaid" aria-label="Mermaid preview">
      <div className="cw-mermaid-controls" role="group" aria-label="Diagram">
        <label className="cw-radio">
          <input type="radio" name="mermaid-kind" checked={kind === 'flow'} onChange={() => setKind('flow')} />
          Systems (flowchart)
        </label>
        <label className="cw-radio">
          <input type="radio" name="mermaid-kind" checked={kind === 'er'} onChange={() => setKind('er')} />
          Data models (erDiagram)
        </label>
        {kind === 'er' && (
          <label className="cw-radio">
            <input type="checkbox" checked={mappings} onChange={(e) => setMappings(e.target.checked)} />
            mappings as dotted links
          </label>
        )}
      </div>
      <div className="cw-mermaid-controls">
        <button type="button" onClick={() => void copy(text, 'Mermaid')}>Copy Mermaid</button>
        <button type="button" onClick={() => void copy(exportMarkdown(getState().doc), 'Markdown')}>Copy Markdown</button>
        <button type="button" onClick={() => download(text, fileNameFor(doc, ext), 'text/plain')}>Download .mmd</button>
        <button type="button" onClick={() => download(exportMarkdown(getState().doc), fileNameFor(doc, '.md'), 'text/markdown')}>Download .md</button>
      </div>
      {error && (
        <p className="cw-mermaid-error" role="alert">
          Mermaid could not render this: {error}
        </p>
      )}
      {rendering && <p className="cw-hint">Rendering…</p>}
      <div ref={target} className="cw-mermaid-preview" data-testid="mermaid-preview" />
      <pre className="cw-mermaid-text" aria-label="Mermaid text">{text}</pre>
    </div>
  );
}
