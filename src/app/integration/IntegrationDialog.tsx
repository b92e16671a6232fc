import { useMemo, useState } from 'react';
import { exportIntegrationSvg, integrationSize, screenIntegrationView } from '../../formats/svg/integration';
import { integrationPairs, pairLinks, pairName, type SystemPair } from '../../layout/integration';
import * as ops from '../../model/ops';
import { download, fileNameFor } from '../files/documents';
import { Dialog } from '../panels/Dialog';
import { applyEdit, notify, redo, setUi, undo, useAppStore } from '../store/store';
import { IntegrationPicture } from './IntegrationPicture';
import './integration.css';

// The integration view as a dialog: one system pair drawn as a mapping spec, the direction
// switchable, the pair choosable, every transform editable in place, and the picture
// exported as SVG or PNG. It draws from the document, so an edit (or an undo) shows at once.

const pairKey = (p: SystemPair) => `${p.source ?? ''}\u0000${p.target ?? ''}`;

/** The dialog, when the store says it is open. */
export function IntegrationDialog() {
  const pair = useAppStore((s) => s.ui.integration);
  const doc = useAppStore((s) => s.doc);
  const pairs = useMemo(() => integrationPairs(doc), [doc]);
  const [busy, setBusy] = useState(false);
  if (!pair) return null;
  const close = () => setUi({ integration: undefined });
  const count = pairLinks(doc, pair).length;
  const reverse = { source: pair.target, target: pair.source };
  const backCount = pairLinks(doc, reverse).length;
  const title = pairName(doc, pair);
  const exportPng = async () => {
    setBusy(true);
    try {
      download(await pngOf(exportIntegrationSvg(doc, pair), integrationSize(doc, screenIntegrationView(doc, pair)), 2), fileNameFor({ ...doc, title: `${doc.title} ${title}` }, '.png'), 'image/png');
    } catch (e) {
      notify('error', `The PNG could not be made: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog title={`Integration view: ${title}`} onClose={close} className="cw-integration">
      <div
        className="cw-integration-body"
        onKeyDown={(e) => {
          // Undo and redo while the dialog has the keys (the canvas's shortcuts are off).
          const mod = e.ctrlKey || e.metaKey;
          if (!mod || (e.target instanceof HTMLInputElement && e.target.value !== '')) return;
          const k = e.key.toLowerCase();
          if (k === 'z' || k === 'y') {
            e.preventDefault();
            if (k === 'y' || e.shiftKey) redo();
            else undo();
          }
        }}
      >
        <div className="cw-integration-bar">
          <label>
            Pair{' '}
            <select
              value={pairKey(pair)}
              onChange={(e) => {
                const found = pairs.find((p) => pairKey(p.pair) === e.target.value);
                if (found) setUi({ integration: found.pair });
              }}
            >
              {!pairs.some((p) => pairKey(p.pair) === pairKey(pair) || pairKey(p.pair) === pairKey(reverse)) && <option value={pairKey(pair)}>{title}</option>}
              {pairs.map((p) => {
                const shown = pairKey(p.pair) === pairKey(reverse) ? pair : p.pair;
                return (
                  <option key={pairKey(p.pair)} value={pairKey(shown)}>
                    {pairName(doc, shown)}
                  </option>
                );
              })}
            </select>
          </label>
          <button type="button" onClick={() => setUi({ integration: reverse })} title="Show the other direction">
            Switch to {pairName(doc, reverse)} ({backCount})
          </button>
          <span className="cw-integration-spacer" />
          <span className="cw-integration-count">
            {count} link{count === 1 ? '' : 's'} · click a transform to edit it
          </span>
          {pair.source !== undefined && pair.target !== undefined && (
            <button type="button" onClick={() => setUi({ integration: undefined, mappingTable: { source: { system: pair.source! }, target: { system: pair.target! } } })} title="Edit this pair's mappings as a table">
              Mapping table
            </button>
          )}
          <button type="button" onClick={() => download(exportIntegrationSvg(doc, pair), fileNameFor({ ...doc, title: `${doc.title} ${title}` }, '.svg'), 'image/svg+xml')}>
            Export SVG
          </button>
          <button type="button" disabled={busy} onClick={() => void exportPng()}>
            Export PNG
          </button>
        </div>
        <div className="cw-integration-scroll">
          {count === 0 ? (
            <p className="cw-hint">Nothing goes from {title}. {backCount > 0 ? 'Switch the direction to see what comes back.' : 'Draw mappings between their fields, or a flow between the systems.'}</p>
          ) : (
            <IntegrationPicture doc={doc} pair={pair} onTransform={(id, transform) => applyEdit((d) => ops.updateLink(d, id, { transform }))} />
          )}
        </div>
      </div>
    </Dialog>
  );
}

/** A PNG of an SVG string, at a pixel ratio (drawn by the browser: no foreignObject, so nothing is lost). */
async function pngOf(svg: string, size: { width: number; height: number }, ratio: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    const scale = Math.min(ratio, 16384 / Math.max(size.width, size.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(size.width * scale));
    canvas.height = Math.max(1, Math.round(size.height * scale));
    const g = canvas.getContext('2d');
    if (!g) throw new Error('no 2D canvas');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.drawImage(img, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('the browser made no PNG'))), 'image/png'));
  } finally {
    URL.revokeObjectURL(url);
  }
}
