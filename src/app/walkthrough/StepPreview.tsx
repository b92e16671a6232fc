import { useMemo, useState } from 'react';
import { computeGeometry, ENTITY_HEADER_HEIGHT, FIELD_ROW_HEIGHT, routeLink, SYSTEM_HEADER_HEIGHT, type Box } from '../../model/geometry';
import { focusScope } from '../../model/meaning';
import type { CrosswalkDocument, Step } from '../../model/types';
import { estimatedCard, planStep, PRESENT_FIELD_TEXT, PROJECTOR, viewportFor } from './present-parts';
import { presentClearance } from './walkthrough-logic';

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * What the audience sees for a step, at projector size: a 1920×1080 frame drawn from the
 * document's geometry (systems, entities with their fields, links, the dimmed rest, the step
 * card) scaled into the panel — the same plan present mode follows, part by part.
 */
export function StepPreview({ doc, step }: { doc: CrosswalkDocument; step: Step }) {
  const [wanted, setPart] = useState(0);
  const card = estimatedCard(step);
  const clearanceFor = (b: Box) => presentClearance(PROJECTOR, card, 0, b);
  const plan = useMemo(() => planStep(doc, step, PROJECTOR, (b) => presentClearance(PROJECTOR, estimatedCard(step), 0, b)), [doc, step]);
  const geo = useMemo(() => computeGeometry(doc), [doc]);
  const lit = useMemo(() => (step.focus?.length ? focusScope(doc, step.focus).lit : undefined), [doc, step.focus]);
  const count = plan.parts.length;
  const part = Math.min(wanted, Math.max(0, count - 1));
  const bounds = plan.parts[part]?.bounds;
  if (!bounds) return <p className="cw-hint">Nothing to show yet: the diagram is empty.</p>;
  const view = viewportFor(bounds, PROJECTOR, clearanceFor(bounds));
  const visible: Box = { x: -view.x / view.zoom, y: -view.y / view.zoom, width: PROJECTOR.width / view.zoom, height: PROJECTOR.height / view.zoom };
  const dim = (id: string) => (lit && !lit.has(id) ? 0.18 : 1);
  const textPx = Math.round(view.zoom * PRESENT_FIELD_TEXT * 10) / 10;

  return (
    <figure className="cw-step-preview" aria-label="Preview at projector size" data-parts={count} data-text-px={textPx}>
      <svg viewBox={`0 0 ${PROJECTOR.width} ${PROJECTOR.height}`} role="img" aria-label={`Step preview, part ${part + 1} of ${count}`}>
        <rect width={PROJECTOR.width} height={PROJECTOR.height} fill="#fff" />
        <g transform={`translate(${view.x} ${view.y}) scale(${view.zoom})`} fontFamily="Arial, sans-serif">
          {doc.systems.map((s) => {
            const b = geo.systems.get(s.id);
            if (!b || !intersects(b, visible)) return null;
            return (
              <g key={s.id} opacity={dim(s.id)}>
                <rect x={b.x} y={b.y} width={b.width} height={b.height} fill="none" stroke="#000" strokeWidth={1.5} rx={4} />
                <line x1={b.x} x2={b.x + b.width} y1={b.y + SYSTEM_HEADER_HEIGHT} y2={b.y + SYSTEM_HEADER_HEIGHT} stroke="#000" />
                <text x={b.x + 10} y={b.y + 26} fontSize={15} fontWeight="bold">
                  {s.name}
                </text>
              </g>
            );
          })}
          {doc.links.map((l) => {
            const r = routeLink(doc, geo, l);
            if (!r) return null;
            const dx = Math.max(40, Math.abs(r.to.x - r.from.x) / 2) * (r.fromSide === 'right' ? 1 : -1);
            const dxTo = Math.max(40, Math.abs(r.to.x - r.from.x) / 2) * (r.toSide === 'right' ? 1 : -1);
            return (
              <path
                key={l.id}
                d={`M${r.from.x} ${r.from.y} C${r.from.x + dx} ${r.from.y} ${r.to.x + dxTo} ${r.to.y} ${r.to.x} ${r.to.y}`}
                fill="none"
                stroke="#000"
                strokeWidth={l.kind === 'flow' ? 2.2 : 1.2}
                strokeDasharray={l.kind === 'mapping' ? '6 4' : undefined}
                opacity={lit && !lit.has(l.id) ? 0.12 : 1}
              />
            );
          })}
          {doc.entities.map((e) => {
            const b = geo.entities.get(e.id);
            if (!b || !intersects(b, visible)) return null;
            return (
              <g key={e.id} opacity={dim(e.id)}>
                <rect x={b.x} y={b.y} width={b.width} height={b.height} fill="#fff" stroke="#000" />
                <rect x={b.x} y={b.y} width={b.width} height={ENTITY_HEADER_HEIGHT} fill="#f4f4f4" stroke="#000" />
                <text x={b.x + b.width / 2} y={b.y + 22} fontSize={12.5} fontWeight="bold" textAnchor="middle">
                  {e.name}
                </text>
                {e.fields.map((f, i) => {
                  const y = b.y + ENTITY_HEADER_HEIGHT + i * FIELD_ROW_HEIGHT + 17;
                  return (
                    <g key={f.id} fontSize={PRESENT_FIELD_TEXT}>
                      <text x={b.x + 10} y={y} fontWeight="bold" fill="#555">
                        {f.key ?? ''}
                      </text>
                      <text x={b.x + 38} y={y}>
                        {f.name}
                      </text>
                      <text x={b.x + b.width - 10} y={y} textAnchor="end" fill="#555">
                        {f.type ?? ''}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
          {(doc.notes ?? []).map((n) => {
            const b = geo.notes.get(n.id);
            if (!b || !intersects(b, visible)) return null;
            return <rect key={n.id} x={b.x} y={b.y} width={b.width} height={b.height} fill="#fff" stroke="#000" strokeDasharray="4 3" opacity={dim(n.id)} />;
          })}
        </g>
        <g fontFamily="Arial, sans-serif">
          <rect x={card.x} y={card.y} width={card.width} height={card.height} fill="#fff" stroke="#000" strokeWidth={1.5} rx={4} />
          <text x={card.x + 22} y={card.y + 44} fontSize={28} fontWeight="bold">
            {step.title}
          </text>
          {(step.bullets ?? []).map((b, i) => (
            <text key={i} x={card.x + 40} y={card.y + 82 + i * 28} fontSize={20}>
              • {b}
            </text>
          ))}
        </g>
      </svg>
      <figcaption>
        {count > 1 && (
          <button type="button" aria-label="Previous part" disabled={part === 0} onClick={() => setPart(part - 1)}>
            ‹
          </button>
        )}
        <span className="cw-step-preview-caption">
          {count > 1 ? `Part ${part + 1} of ${count} · ` : 'Whole focus · '}field text {textPx} px at 1920×1080
        </span>
        {count > 1 && (
          <button type="button" aria-label="Next part" disabled={part >= count - 1} onClick={() => setPart(part + 1)}>
            ›
          </button>
        )}
      </figcaption>
    </figure>
  );
}
