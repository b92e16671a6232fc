import { memo } from 'react';
import { BaseEdge, getBezierPath, type EdgeProps } from '@xyflow/react';
import { cardinalityOf } from '../../model/meaning';
import type { Cardinality } from '../../model/types';
import type { LinkEdge } from './to-flow';

const markerId = (c: Cardinality) => `cw-card-${c}`;
/** The count on a folded line, in diagram px (styles.css): about 11 px on screen at the zoom where lines fold. */
const FOLD_COUNT_SIZE = 40;
const FOLD_COUNT_CHAR = FOLD_COUNT_SIZE * 0.6;

/**
 * A link: relations solid with crow's-foot ends, mappings dashed with an arrow, flows
 * thicker with an arrow. Labels are drawn apart, in LinkLabelLayer, where layout/labels.ts
 * finds them room.
 */
export const LinkEdgeView = memo(function LinkEdgeView(props: EdgeProps<LinkEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  if (!data) return null;
  const { link, dimmed, folded } = data;
  if (folded !== undefined) {
    // Links folded into one line (zoomed out): no ends drawn, and a count where it stands for several.
    const className = `cw-link cw-link-${link.kind}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`;
    const text = `× ${folded}`;
    const width = text.length * FOLD_COUNT_CHAR + 16;
    return (
      <>
        <BaseEdge id={id} path={path} className={className} interactionWidth={0} />
        {folded > 1 && (
          <g className={`cw-fold-count${dimmed ? ' is-dimmed' : ''}`} transform={`translate(${labelX} ${labelY})`}>
            <rect x={-width / 2} y={-FOLD_COUNT_SIZE * 0.75} width={width} height={FOLD_COUNT_SIZE * 1.5} />
            <text textAnchor="middle" dominantBaseline="central">{text}</text>
          </g>
        )}
      </>
    );
  }
  const cardinality = cardinalityOf(link);
  const markerStart = cardinality ? `url(#${markerId(cardinality.from)})` : undefined;
  const markerEnd = cardinality ? `url(#${markerId(cardinality.to)})` : 'url(#cw-arrow)';
  const className = `cw-link cw-link-${link.kind}${selected ? ' is-selected' : ''}${dimmed ? ' is-dimmed' : ''}`;
  return (
    <BaseEdge id={id} path={path} className={className} markerStart={markerStart} markerEnd={markerEnd} interactionWidth={14} />
  );
});

/**
 * SVG markers for link ends, drawn once per canvas. Each is drawn for the end of a path
 * (pointing at the entity); `auto-start-reverse` turns it round at the start.
 */
export function LinkMarkers() {
  const bar = (x: number) => <line x1={x} y1={-7} x2={x} y2={7} />;
  const circle = (cx: number) => <circle cx={cx} cy={0} r={4} fill="#fff" />;
  const crow = <path d="M 12 0 L 24 -7 M 12 0 L 24 0 M 12 0 L 24 7" fill="none" />;
  const shapes: Record<Cardinality, React.ReactNode> = {
    'exactly-one': (
      <>
        {bar(14)}
        {bar(19)}
      </>
    ),
    'zero-or-one': (
      <>
        {bar(18)}
        {circle(9)}
      </>
    ),
    'one-or-more': (
      <>
        {crow}
        {bar(9)}
      </>
    ),
    'zero-or-more': (
      <>
        {crow}
        {circle(6)}
      </>
    ),
  };
  return (
    <svg className="cw-markers" aria-hidden="true" style={{ position: 'absolute', width: 0, height: 0 }}>
      <defs>
        {(Object.keys(shapes) as Cardinality[]).map((c) => (
          <marker
            key={c}
            id={markerId(c)}
            viewBox="0 -8 25 16"
            refX={24}
            refY={0}
            markerWidth={25}
            markerHeight={16}
            markerUnits="userSpaceOnUse"
            orient="auto-start-reverse"
          >
            <g stroke="#000" strokeWidth={1.2}>{shapes[c]}</g>
          </marker>
        ))}
        <marker id="cw-arrow" viewBox="0 -6 12 12" refX={11} refY={0} markerWidth={12} markerHeight={12} markerUnits="userSpaceOnUse" orient="auto-start-reverse">
          <path d="M 0 -5 L 11 0 L 0 5 z" fill="#000" />
        </marker>
      </defs>
    </svg>
  );
}
