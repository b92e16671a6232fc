import { memo, useDeferredValue, useMemo, useRef } from 'react';
import { Panel, ViewportPortal, useStore, useStoreApi } from '@xyflow/react';
import { LABEL_LINE_HEIGHT, placeCanvasLabels, type CanvasLabel } from '../../layout/labels';
import { endpointNamer, linkEnds } from '../../model/meaning';
import * as ops from '../../model/ops';
import type { CrosswalkDocument, Link } from '../../model/types';
import { applyTransient, commitTransient, getState, select, useAppStore } from '../store/store';

// The links' labels, drawn in one layer above lines and nodes, where the core's placement
// (layout/labels.ts) puts them: never on another label, a node or a system title. A label
// with no room is a numbered marker; the legend lists what each marker stands for. A label
// can be dragged: its offset from the middle of its line is kept in the document.

/** Past this many pixels a press on a label is a drag, not a click. */
const DRAG_THRESHOLD = 3;
/** Culling blocks (canvas px): the labels drawn change only when the view crosses one. */
const CULL_BLOCK = 512;

interface Props {
  doc: CrosswalkDocument;
  /** Ids in focus (a walkthrough step); labels of other links are dimmed. */
  focus?: ReadonlySet<string>;
  /** Editing allowed (not presenting): labels can be dragged. */
  interactive: boolean;
  /** Draw only the labels near the view (large documents). */
  cull: boolean;
}

/** The visible part of the canvas, grown by half a screen and rounded out to culling blocks, as a key. */
function viewKey(s: { transform: [number, number, number]; width: number; height: number }): string {
  const [tx, ty, zoom] = s.transform;
  const w = s.width / zoom;
  const h = s.height / zoom;
  const x = -tx / zoom;
  const y = -ty / zoom;
  const x1 = Math.floor((x - w / 2) / CULL_BLOCK);
  const y1 = Math.floor((y - h / 2) / CULL_BLOCK);
  const x2 = Math.ceil((x + w * 1.5) / CULL_BLOCK);
  const y2 = Math.ceil((y + h * 1.5) / CULL_BLOCK);
  return `${x1} ${y1} ${x2} ${y2}`;
}

/** Every link label of the canvas, and the legend of its markers. */
export function LinkLabelLayer({ doc, focus, interactive, cull }: Props) {
  // Placed at low priority: a drag moves its nodes at once, and the labels follow when the
  // browser has time (placing 1,000 entities' labels takes a few tens of ms).
  const placedDoc = useDeferredValue(doc);
  const labels = useMemo(() => placeCanvasLabels(placedDoc), [placedDoc]);
  const links = useMemo(() => new Map(placedDoc.links.map((l) => [l.id, l])), [placedDoc.links]);
  const name = useMemo(() => endpointNamer(placedDoc), [placedDoc]);
  const selected = useAppStore((s) => s.selection.ids);
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const view = useStore((s) => (cull ? viewKey(s) : ''));
  const shown = useMemo(() => {
    if (!view) return labels;
    const [x1, y1, x2, y2] = view.split(' ').map((n) => Number(n) * CULL_BLOCK);
    return labels.filter((l) => l.box.x + l.box.width >= x1 && l.box.x <= x2 && l.box.y + l.box.height >= y1 && l.box.y <= y2);
  }, [labels, view]);
  const markers = labels.filter((l) => l.kind === 'marker');
  return (
    <>
      <ViewportPortal>
        <svg className="cw-link-labels" aria-label="Link labels">
          {shown.map((l) => {
            const link = links.get(l.id);
            if (!link) return null;
            return (
              <LabelView
                key={l.id}
                label={l}
                link={link}
                ends={linkEnds(name, link)}
                selected={selectedSet.has(l.id)}
                dimmed={focus ? !focus.has(l.id) : false}
                interactive={interactive}
              />
            );
          })}
        </svg>
      </ViewportPortal>
      {/* Presenting, the picture stays clear: a marker's text is in its tooltip. */}
      {markers.length > 0 && interactive && <Legend markers={markers} name={name} links={links} />}
    </>
  );
}

interface LabelViewProps {
  label: CanvasLabel;
  link: Link;
  ends: string;
  selected: boolean;
  dimmed: boolean;
  interactive: boolean;
}

/** Whether two placements draw the same (placement makes new objects on every change). */
function samePlace(a: CanvasLabel, b: CanvasLabel): boolean {
  return (
    a === b ||
    (a.kind === b.kind &&
      a.number === b.number &&
      a.text === b.text &&
      a.box.x === b.box.x &&
      a.box.y === b.box.y &&
      a.box.width === b.box.width &&
      a.box.height === b.box.height &&
      a.anchor.x === b.anchor.x &&
      a.anchor.y === b.anchor.y &&
      a.lines.length === b.lines.length &&
      a.lines.every((l, i) => l === b.lines[i]))
  );
}

/** One label or marker. Memoised on what it draws: a drag moves a few labels, and only they render again. */
const LabelView = memo(function LabelView({ label, link, ends, selected, dimmed, interactive }: LabelViewProps) {
  const store = useStoreApi();
  const drag = useRef<{ x: number; y: number; base: { x: number; y: number }; moved: boolean }>(undefined);
  const { box } = label;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;

  const onPointerDown = (e: React.PointerEvent<SVGGElement>) => {
    // Presenting: the label is part of the picture; the press pans the view as anywhere else.
    if (e.button !== 0 || !interactive) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { x: e.clientX, y: e.clientY, base: { x: cx - label.anchor.x, y: cy - label.anchor.y }, moved: false };
  };
  const onPointerMove = (e: React.PointerEvent<SVGGElement>) => {
    const d = drag.current;
    if (!d) return;
    const dx = e.clientX - d.x;
    const dy = e.clientY - d.y;
    if (!d.moved && Math.hypot(dx, dy) < DRAG_THRESHOLD) return;
    d.moved = true;
    const zoom = store.getState().transform[2];
    const offset = { x: Math.round(d.base.x + dx / zoom), y: Math.round(d.base.y + dy / zoom) };
    applyTransient((doc) => ops.updateLink(doc, link.id, { labelOffset: offset }));
  };
  const onPointerUp = (e: React.PointerEvent<SVGGElement>) => {
    const d = drag.current;
    drag.current = undefined;
    if (!d) return;
    if (d.moved) {
      // The whole drag is one undo step.
      commitTransient();
      return;
    }
    const ids = getState().selection.ids;
    if (e.shiftKey || e.metaKey || e.ctrlKey) select({ ids: ids.includes(link.id) ? ids.filter((i) => i !== link.id) : [...ids, link.id] });
    else select({ ids: [link.id] });
  };

  const className = `cw-link-label nodrag nopan cw-link-label-${link.kind}${label.kind === 'marker' ? ' cw-link-marker' : ''}${dimmed ? ' is-dimmed' : ''}${selected ? ' is-selected' : ''}`;
  const tooltip = label.kind === 'marker' ? `${label.number}. ${label.text}\n${ends}` : `${label.text}\n${ends}`;
  const firstLine = -((label.lines.length - 1) * LABEL_LINE_HEIGHT) / 2;
  return (
    <g
      data-link={link.id}
      className={className}
      transform={`translate(${cx} ${cy})`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => {
        if (drag.current?.moved) commitTransient();
        drag.current = undefined;
      }}
    >
      <title>{tooltip}</title>
      <rect x={-box.width / 2} y={-box.height / 2} width={box.width} height={box.height} rx={label.kind === 'marker' ? box.height / 2 : 2} />
      {label.kind === 'marker' ? (
        <text textAnchor="middle" dominantBaseline="central">
          {label.number}
        </text>
      ) : (
        <text textAnchor="middle" dominantBaseline="central">
          {label.lines.map((line, i) => (
            <tspan key={i} x={0} y={firstLine + i * LABEL_LINE_HEIGHT}>
              {line}
            </tspan>
          ))}
        </text>
      )}
    </g>
  );
}, (a, b) =>
  samePlace(a.label, b.label) && a.link === b.link && a.ends === b.ends && a.selected === b.selected && a.dimmed === b.dimmed && a.interactive === b.interactive);

/** What each numbered marker on the canvas stands for. */
function Legend({ markers, name, links }: { markers: CanvasLabel[]; name: (ep: Link['from']) => string; links: Map<string, Link> }) {
  return (
    <Panel position="top-left" className="cw-label-legend">
      <details>
        <summary>Labels shown as numbers ({markers.length})</summary>
        <ol>
          {markers.map((m) => {
            const link = links.get(m.id);
            return (
              <li key={m.id} value={m.number}>
                <button type="button" className="cw-label-legend-item" title={link ? linkEnds(name, link) : undefined} onClick={() => select({ ids: [m.id] })}>
                  {m.text}
                </button>
              </li>
            );
          })}
        </ol>
      </details>
    </Panel>
  );
}
