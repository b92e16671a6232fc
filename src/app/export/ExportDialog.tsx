import { useEffect, useMemo, useRef, useState } from 'react';
import { EXPORT_FORMATS, findExportFormat, type ExportOptions, type PptxSection } from '../../formats/registry';
import type { CrosswalkDocument } from '../../model/types';
import { download, fileNameFor } from '../files/documents';
import { Dialog } from '../panels/Dialog';
import { getState, notify, setUi, useAppStore } from '../store/store';
import { canvasElementCount, CANVAS_ELEMENT_LIMIT, captureBounds, defaultPictureSource, nextPaint, NothingToCaptureError, pictureBlob, pictureDataUrl, type PictureSource } from './capture';
import {
  captureFrame,
  exportChoices,
  pictureJobs,
  PPTX_FONTS,
  PPTX_SECTIONS,
  selectionKeepSet,
  type ExportChoiceId,
} from './export-plan';

const CHOICES = exportChoices(EXPORT_FORMATS);
/** Pictures put on slides: sharp when projected (2×), but no side over 4,096 px (≈ 300 dpi
 * across a 13.3-inch slide), so a large diagram does not put tens of MB into the deck. */
const SLIDE_PICTURE = { pixelRatio: 2, maxSide: 4_096 };

/** Raised to stop an export whose dialog was closed. */
class ExportCancelled extends Error {}

/** The ids to keep for a selection export, or undefined for everything. */
function keepFor(doc: CrosswalkDocument, ids: readonly string[] | undefined): Set<string> | undefined {
  return ids?.length ? selectionKeepSet(doc, ids) : undefined;
}

/** The size a PNG will come out at, worked out from the canvas as it is now. */
function usePngEstimate(enabled: boolean, ratio: number, selectionIds: readonly string[] | undefined) {
  const doc = useAppStore((s) => s.doc);
  return useMemo(() => {
    const bounds = enabled ? captureBounds(keepFor(doc, selectionIds)) : undefined;
    return bounds && captureFrame(bounds, ratio);
  }, [enabled, ratio, selectionIds, doc]);
}

/**
 * Export: every format of the registry plus PNG, with the options each needs. Shows
 * progress while it works, reports failures as messages, and never stays stuck: closing it
 * cancels what has not been downloaded yet.
 */
export function ExportDialog() {
  const selectionIds = useAppStore((s) => s.selection.ids);
  const hasSelection = selectionIds.length > 0;
  const [format, setFormat] = useState<ExportChoiceId>('pptx');
  const [sections, setSections] = useState<ReadonlySet<PptxSection>>(new Set(PPTX_SECTIONS.map((s) => s.id)));
  const [font, setFont] = useState(PPTX_FONTS[0]);
  const [asPicture, setAsPicture] = useState(false);
  const [pixelRatio, setPixelRatio] = useState(2);
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [mappings, setMappings] = useState(false);
  const [progress, setProgress] = useState<string>();
  // Counted once: the canvas does not change while the dialog is open.
  const [elements] = useState(canvasElementCount);
  const [source, setSource] = useState<PictureSource>(defaultPictureSource);
  const open = useRef(true);
  useEffect(() => {
    open.current = true;
    return () => {
      open.current = false;
    };
  }, []);
  const close = () => setUi({ exportOpen: false });
  const onlySelection = scope === 'selection' && hasSelection;
  const estimate = usePngEstimate(format === 'png', pixelRatio, onlySelection ? selectionIds : undefined);
  const pictureSections = sections.has('walkthrough');

  /** Shows a progress line and lets it paint; stops the export if the dialog was closed. */
  const step = async (text: string) => {
    if (!open.current) throw new ExportCancelled();
    setProgress(text);
    await nextPaint();
    if (!open.current) throw new ExportCancelled();
  };

  const exportPictures = async (doc: CrosswalkDocument): Promise<Record<string, string>> => {
    const pictures: Record<string, string> = {};
    const jobs = pictureJobs(doc, sections);
    // Steps without a focus show the whole diagram: draw it once.
    const drawn = new Map<string, string>();
    for (const [i, job] of jobs.entries()) {
      const cacheKey = JSON.stringify(job.focus ?? null);
      let dataUrl = drawn.get(cacheKey);
      if (dataUrl === undefined) {
        await step(`Drawing ${job.label} (${i + 1} of ${jobs.length})…`);
        try {
          dataUrl = (await pictureDataUrl({ ...SLIDE_PICTURE, source: defaultPictureSource(), only: job.focus, as: 'focus' })).dataUrl;
        } catch (e) {
          // A focus that names nothing on the canvas: that slide keeps its native drawing.
          if (e instanceof NothingToCaptureError) continue;
          throw e;
        }
        drawn.set(cacheKey, dataUrl);
      }
      pictures[job.key] = dataUrl;
    }
    return pictures;
  };

  const run = async () => {
    const { doc } = getState();
    const only = onlySelection ? selectionIds : undefined;
    let fileName = '';
    try {
      if (format === 'png') {
        await step(source === 'canvas' && elements > CANVAS_ELEMENT_LIMIT / 4 ? 'Drawing the picture… this takes a while for a large diagram.' : 'Drawing the picture…');
        const { blob, frame } = await pictureBlob({ source, pixelRatio, only, as: 'selection' });
        if (!open.current) throw new ExportCancelled();
        fileName = fileNameFor(doc, '.png');
        download(blob, fileName, 'image/png');
        if (frame.scaledDown) {
          notify('info', `The picture was too large for the browser at ${pixelRatio}×, so it was made at ${frame.pixelRatio}× (${frame.pixelWidth} × ${frame.pixelHeight} px).`);
        }
      } else if (format === 'svg') {
        await step('Drawing the SVG…');
        // The vector exporter draws the selection itself (the registry entry draws everything).
        const { exportSvg } = await import('../../formats/svg/svg');
        fileName = fileNameFor(doc, '.svg');
        download(exportSvg(doc, { only }), fileName, 'image/svg+xml');
      } else {
        const entry = findExportFormat(format);
        if (!entry) throw new Error(`unknown format ${format}`);
        const options: ExportOptions = {
          mermaidMappings: mappings,
          font,
          pptxSections: PPTX_SECTIONS.map((s) => s.id).filter((id) => sections.has(id)),
        };
        if (format === 'pptx' && asPicture) options.pictures = await exportPictures(doc);
        await step(format === 'pptx' ? 'Building the slides…' : 'Exporting…');
        const data = await entry.run(doc, options);
        if (!open.current) throw new ExportCancelled();
        fileName = fileNameFor(doc, entry.extension);
        download(data, fileName, entry.mime);
      }
      notify('success', `Exported ${fileName}`);
      close();
    } catch (e) {
      if (e instanceof ExportCancelled) return;
      notify('error', `Export failed: ${e instanceof Error ? e.message : String(e)}. The document is unchanged.`);
    } finally {
      if (open.current) setProgress(undefined);
    }
  };

  const busy = progress !== undefined;
  const nothingChosen = format === 'pptx' && sections.size === 0;
  return (
    <Dialog title="Export" onClose={close} className="cw-export">
      <fieldset className="cw-fieldset" disabled={busy}>
        <legend>Format</legend>
        {CHOICES.map((f) => (
          <label key={f.id} className="cw-radio">
            <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            {f.label}
          </label>
        ))}
      </fieldset>
      {format === 'pptx' && (
        <>
          <fieldset className="cw-fieldset" disabled={busy}>
            <legend>Slides</legend>
            {PPTX_SECTIONS.map((s) => (
              <label key={s.id} className="cw-radio">
                <input
                  type="checkbox"
                  checked={sections.has(s.id)}
                  onChange={(e) => {
                    const next = new Set(sections);
                    if (e.target.checked) next.add(s.id);
                    else next.delete(s.id);
                    setSections(next);
                  }}
                />
                {s.label}
              </label>
            ))}
          </fieldset>
          <label className="cw-export-row">
            <span>Font</span>
            <select aria-label="Font" value={font} disabled={busy} onChange={(e) => setFont(e.target.value)}>
              {PPTX_FONTS.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <fieldset className="cw-fieldset" disabled={busy || !pictureSections}>
            <legend>Step drawings as</legend>
            <label className="cw-radio">
              <input type="radio" name="diagram-as" checked={!asPicture} onChange={() => setAsPicture(false)} />
              Native shapes (editable)
            </label>
            <label className="cw-radio">
              <input type="radio" name="diagram-as" checked={asPicture} onChange={() => setAsPicture(true)} />
              Pictures of the canvas
            </label>
            {asPicture && (
              <p className="cw-export-note">
                Each walkthrough step's drawing becomes a PNG picture
                {elements > CANVAS_ELEMENT_LIMIT ? ' (drawn from the vector picture: the canvas is too large to copy quickly)' : ' of the canvas'}; the
                appendix stays editable.
              </p>
            )}
          </fieldset>
        </>
      )}
      {(format === 'png' || format === 'svg') && (
        <fieldset className="cw-fieldset" disabled={busy}>
          <legend>What</legend>
          <label className="cw-radio">
            <input type="radio" name="scope" checked={!onlySelection} onChange={() => setScope('all')} />
            The whole diagram
          </label>
          <label className="cw-radio">
            <input type="radio" name="scope" disabled={!hasSelection} checked={onlySelection} onChange={() => setScope('selection')} />
            The selection{hasSelection ? ` (${selectionIds.length} selected)` : ' (nothing selected)'}
          </label>
        </fieldset>
      )}
      {format === 'png' && (
        <>
          <label className="cw-export-row">
            <span>Pixel ratio</span>
            <select aria-label="Pixel ratio" value={pixelRatio} disabled={busy} onChange={(e) => setPixelRatio(Number(e.target.value))}>
              {[1, 2, 3, 4].map((r) => (
                <option key={r} value={r}>{r}×</option>
              ))}
            </select>
          </label>
          <fieldset className="cw-fieldset" disabled={busy}>
            <legend>Drawn from</legend>
            <label className="cw-radio">
              <input type="radio" name="png-source" checked={source === 'canvas'} onChange={() => setSource('canvas')} />
              The canvas, exactly as on screen
            </label>
            <label className="cw-radio">
              <input type="radio" name="png-source" checked={source === 'vector'} onChange={() => setSource('vector')} />
              The vector drawing (same as the SVG; fast for large diagrams)
            </label>
            {elements > CANVAS_ELEMENT_LIMIT && (
              <p className="cw-export-note">
                This diagram is large ({elements.toLocaleString('en')} elements on the canvas): a picture of the canvas takes about{' '}
                {Math.max(1, Math.round((elements * 2) / 60_000))} min with the page frozen.
              </p>
            )}
          </fieldset>
          {estimate && (
            <p className="cw-export-size" data-testid="png-size">
              {estimate.pixelWidth} × {estimate.pixelHeight} px, white background
              {estimate.scaledDown && ` — too large for the browser at ${pixelRatio}×: it will be made at ${estimate.pixelRatio}×`}
            </p>
          )}
        </>
      )}
      {format === 'mermaid-er' && (
        <label className="cw-radio">
          <input type="checkbox" checked={mappings} disabled={busy} onChange={(e) => setMappings(e.target.checked)} />
          Also draw mappings as dotted links
        </label>
      )}
      <div className="cw-dialog-actions">
        {busy && (
          <span className="cw-progress" role="status">
            {progress}
          </span>
        )}
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" className="cw-primary" disabled={busy || nothingChosen} onClick={() => void run()}>
          {busy ? 'Exporting…' : 'Export'}
        </button>
      </div>
    </Dialog>
  );
}
