import { useState } from 'react';
import { EXPORT_FORMATS, type ExportOptions, type PptxSection } from '../../export/registry';
import { download, fileNameFor } from '../files/documents';
import { Dialog } from '../panels/Dialog';
import { getState, notify, setUi, useAppStore } from '../store/store';
import { capturePng, dataUrlToBytes } from './capture';

type FormatId = (typeof EXPORT_FORMATS)[number]['id'] | 'png';

const SECTIONS: { id: PptxSection; label: string }[] = [
  { id: 'title', label: 'Title slide' },
  { id: 'overview', label: 'System overview' },
  { id: 'diagram', label: 'Diagram' },
  { id: 'models', label: 'Data model per system' },
  { id: 'mappings', label: 'Mapping tables' },
  { id: 'walkthrough', label: 'Walkthrough steps' },
];
const FONTS = ['Arial', 'Calibri', 'Helvetica', 'Verdana', 'Georgia', 'Times New Roman'];

const FORMAT_CHOICES: { id: FormatId; label: string }[] = [
  { id: 'pptx', label: 'PowerPoint slides (.pptx)' },
  { id: 'png', label: 'PNG picture' },
  { id: 'svg', label: 'SVG picture (vector)' },
  { id: 'markdown', label: 'Markdown note (.md)' },
  { id: 'mermaid-er', label: 'Mermaid erDiagram (.mmd)' },
  { id: 'mermaid-flow', label: 'Mermaid flowchart of systems (.mmd)' },
  { id: 'json', label: 'Crosswalk document (.crosswalk.json)' },
];

/** Export: every format of the registry plus PNG, with the options each needs. */
export function ExportDialog() {
  const hasSelection = useAppStore((s) => s.selection.ids.length > 0);
  const [format, setFormat] = useState<FormatId>('pptx');
  const [sections, setSections] = useState<Set<PptxSection>>(new Set(SECTIONS.map((s) => s.id)));
  const [font, setFont] = useState('Arial');
  const [asPicture, setAsPicture] = useState(false);
  const [pixelRatio, setPixelRatio] = useState(2);
  const [scope, setScope] = useState<'all' | 'selection'>('all');
  const [mappings, setMappings] = useState(false);
  const [progress, setProgress] = useState<string>();
  const close = () => setUi({ exportOpen: false });

  const run = async () => {
    const { doc, selection } = getState();
    const only = scope === 'selection' && selection.ids.length ? selection.ids : undefined;
    setProgress('Exporting…');
    try {
      if (format === 'png') {
        setProgress('Drawing the picture… (large diagrams take a few seconds)');
        const shot = await capturePng({ pixelRatio, only, doc });
        download(new Blob([dataUrlToBytes(shot.dataUrl) as BlobPart], { type: 'image/png' }), fileNameFor(doc, '.png'), 'image/png');
        if (shot.pixelRatio < pixelRatio) notify('info', `The picture was too large for the browser at ${pixelRatio}×; it was made at ${shot.pixelRatio.toFixed(2)}×.`);
      } else if (format === 'svg') {
        const { exportSvg } = await import('../../export/svg/svg');
        download(exportSvg(doc, { only }), fileNameFor(doc, '.svg'), 'image/svg+xml');
      } else {
        const entry = EXPORT_FORMATS.find((f) => f.id === format)!;
        const options: ExportOptions = { mermaidMappings: mappings, font, pptxSections: SECTIONS.map((s) => s.id).filter((id) => sections.has(id)) };
        if (format === 'pptx' && asPicture) {
          setProgress('Drawing the diagram pictures…');
          const pictures: Record<string, string> = {};
          if (sections.has('diagram')) pictures.diagram = (await capturePng({ pixelRatio: 2 })).dataUrl;
          if (sections.has('walkthrough')) {
            for (const step of doc.walkthrough ?? []) {
              if (step.focus?.length) pictures[`step:${step.id}`] = (await capturePng({ pixelRatio: 2, only: step.focus, doc })).dataUrl;
            }
          }
          options.pictures = pictures;
        }
        setProgress(format === 'pptx' ? 'Building the slides…' : 'Exporting…');
        const data = await entry.run(doc, options);
        download(data, fileNameFor(doc, entry.extension), entry.mime);
      }
      notify('success', 'Exported.');
      close();
    } catch (e) {
      notify('error', `Export failed: ${e instanceof Error ? e.message : String(e)}. The document is unchanged.`);
    } finally {
      setProgress(undefined);
    }
  };

  return (
    <Dialog title="Export" onClose={close} className="cw-export">
      <fieldset className="cw-fieldset">
        <legend>Format</legend>
        {FORMAT_CHOICES.map((f) => (
          <label key={f.id} className="cw-radio">
            <input type="radio" name="format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
            {f.label}
          </label>
        ))}
      </fieldset>
      {format === 'pptx' && (
        <>
          <fieldset className="cw-fieldset">
            <legend>Slides</legend>
            {SECTIONS.map((s) => (
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
          <label className="cw-field-row">
            <span>Font</span>
            <select aria-label="Font" value={font} onChange={(e) => setFont(e.target.value)}>
              {FONTS.map((f) => (
                <option key={f}>{f}</option>
              ))}
            </select>
          </label>
          <fieldset className="cw-fieldset">
            <legend>Diagram slides as</legend>
            <label className="cw-radio">
              <input type="radio" name="diagram-as" checked={!asPicture} onChange={() => setAsPicture(false)} />
              Native shapes (editable)
            </label>
            <label className="cw-radio">
              <input type="radio" name="diagram-as" checked={asPicture} onChange={() => setAsPicture(true)} />
              A picture of the canvas
            </label>
          </fieldset>
        </>
      )}
      {(format === 'png' || format === 'svg') && (
        <fieldset className="cw-fieldset">
          <legend>What</legend>
          <label className="cw-radio">
            <input type="radio" name="scope" checked={scope === 'all'} onChange={() => setScope('all')} />
            The whole diagram
          </label>
          <label className="cw-radio">
            <input type="radio" name="scope" disabled={!hasSelection} checked={scope === 'selection'} onChange={() => setScope('selection')} />
            The selection{hasSelection ? '' : ' (nothing selected)'}
          </label>
        </fieldset>
      )}
      {format === 'png' && (
        <label className="cw-field-row">
          <span>Pixel ratio: {pixelRatio}×</span>
          <input aria-label="Pixel ratio" type="range" min={1} max={4} step={1} value={pixelRatio} onChange={(e) => setPixelRatio(Number(e.target.value))} />
        </label>
      )}
      {format === 'mermaid-er' && (
        <label className="cw-radio">
          <input type="checkbox" checked={mappings} onChange={(e) => setMappings(e.target.checked)} />
          Also draw mappings as dotted links
        </label>
      )}
      <div className="cw-dialog-actions">
        {progress && (
          <span className="cw-progress" role="status">
            {progress}
          </span>
        )}
        <button type="button" onClick={close}>Cancel</button>
        <button type="button" className="cw-primary" disabled={!!progress || (format === 'pptx' && sections.size === 0)} onClick={() => void run()}>
          Export
        </button>
      </div>
    </Dialog>
  );
}
