import { useMemo, useRef, useState } from 'react';
import { exportMarkdown } from '../../formats/markdown/markdown';
import { exportMermaidEr } from '../../formats/mermaid/er';
import { exportMermaidFlowchart } from '../../formats/mermaid/flowchart';
import { MermaidViewer } from '../export/MermaidViewer';
import { useDebounced, useMermaidPreview } from '../export/use-mermaid';
import { download, fileNameFor } from '../files/documents';
import { getState, notify, useAppStore } from '../store/store';
import '../export/export.css';

// This panel is loaded lazily by the app shell, so the exporters imported here (and mermaid,
// loaded on first render) stay out of the first-load JavaScript.

/**
 * Mermaid lays out on the main thread: a 320-entity erDiagram (≈130,000 characters) takes
 * about 15 s here, its flowchart (36,000 characters) about 4 s. Text longer than this is
 * not rendered on every edit, and neither is anything once a render took longer than
 * SLOW_RENDER_MS: such previews render on request.
 */
export const AUTO_RENDER_LIMIT = 20_000;
/** A render slower than this switches the preview to rendering on request. */
export const SLOW_RENDER_MS = 1_500;

async function copy(text: string, what: string) {
  try {
    await navigator.clipboard.writeText(text);
    notify('success', `${what} copied to the clipboard.`);
  } catch (e) {
    notify('error', `Could not copy the ${what}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * A live Mermaid preview of the document, rendered by the real mermaid library, with the
 * text beside it to copy or download. A render error is shown as text above the last
 * picture that rendered, never as a blank.
 */
export function MermaidPanel() {
  // Re-derive the text only once edits pause (a drag changes the document every frame).
  const doc = useDebounced(
    useAppStore((s) => s.doc),
    300,
  );
  const [kind, setKind] = useState<'er' | 'flow'>('flow');
  const [mappings, setMappings] = useState(false);
  const [fit, setFit] = useState(true);
  const [requested, setRequested] = useState<string>();
  const [large, setLarge] = useState<SVGSVGElement>();
  const target = useRef<HTMLDivElement>(null);
  const text = useMemo(() => (kind === 'er' ? exportMermaidEr(doc, { mappings }) : exportMermaidFlowchart(doc)), [doc, kind, mappings]);
  const long = text.length > AUTO_RENDER_LIMIT;
  // Decided by the last render: a fast one brings automatic updates back.
  const [lastMs, setLastMs] = useState<number>();
  const slow = lastMs !== undefined && lastMs > SLOW_RENDER_MS;
  const auto = !long && !slow;
  const preview = useMermaidPreview(auto ? text : requested, target);
  if (preview.renderMs !== lastMs) setLastMs(preview.renderMs);
  const outOfDate = !preview.rendering && preview.renderedText !== text;
  const diagram = kind === 'er' ? 'erDiagram' : 'flowchart';

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
        <button type="button" onClick={() => download(text, fileNameFor(doc, kind === 'er' ? '.er.mmd' : '.flowchart.mmd'), 'text/plain')}>
          Download .mmd
        </button>
        <button type="button" onClick={() => download(exportMarkdown(getState().doc), fileNameFor(getState().doc, '.md'), 'text/markdown')}>
          Download .md
        </button>
      </div>
      {!auto && outOfDate && (
        <p className="cw-mermaid-note">
          {long
            ? `This ${diagram} is large (${text.length.toLocaleString('en')} characters), so the preview is drawn on request.`
            : `The last preview took ${((preview.renderMs ?? 0) / 1000).toFixed(1)} s to draw, so it is now drawn on request.`}{' '}
          <button type="button" onClick={() => setRequested(text)}>
            {preview.rendered ? 'Update preview' : 'Render preview'}
          </button>
        </p>
      )}
      {preview.error && (
        <p className="cw-mermaid-error" role="alert">
          Mermaid could not render this: {preview.error}
          {preview.rendered && '\n(The picture below is the last one that rendered.)'}
        </p>
      )}
      <div className="cw-mermaid-bar">
        <span className="cw-hint" role="status">
          {preview.rendering ? 'Rendering…' : preview.renderMs !== undefined ? `Rendered in ${preview.renderMs} ms` : ''}
        </span>
        <label className="cw-radio">
          <input type="checkbox" checked={fit} onChange={(e) => setFit(e.target.checked)} />
          fit to panel
        </label>
        <button
          type="button"
          disabled={!preview.rendered}
          title="Show the preview in a large window, to zoom and move around"
          onClick={() => setLarge(target.current?.querySelector('svg') ?? undefined)}
        >
          Open large
        </button>
      </div>
      <div
        ref={target}
        className={`cw-mermaid-preview${fit ? '' : ' is-actual-size'}${outOfDate && preview.rendered ? ' is-out-of-date' : ''}`}
        data-testid="mermaid-preview"
      />
      {large && <MermaidViewer source={large} title={`Mermaid preview: ${diagram}`} onClose={() => setLarge(undefined)} />}
      <pre className="cw-mermaid-text" aria-label="Mermaid text" tabIndex={0}>
        {text}
      </pre>
    </div>
  );
}
