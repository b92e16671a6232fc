import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { integrationSvg, labelRects, screenIntegrationView } from '../../formats/svg/integration';
import type { SystemPair } from '../../layout/integration';
import { describeEndpoint } from '../../model/meaning';
import type { CrosswalkDocument, Link } from '../../model/types';

// The integration view of a pair as the app shows it: the very SVG the export writes
// (formats/svg/integration.ts, from the core layout), with, when editable, a button over each
// mapping's transform box. Clicking it (or Enter on it) opens an input in its place: Enter
// commits through `onTransform` (one store edit), Escape cancels.

interface Props {
  doc: CrosswalkDocument;
  pair: SystemPair;
  /** Given: mapping boxes are buttons that edit the transform. */
  onTransform?: (linkId: string, transform: string) => void;
  /** Scale the picture to its container (present mode) instead of drawing it at 100%. */
  fit?: boolean;
}

export const IntegrationPicture = memo(function IntegrationPicture({ doc, pair, onTransform, fit }: Props) {
  const view = useMemo(() => screenIntegrationView(doc, pair), [doc, pair]);
  const svg = useMemo(() => integrationSvg(doc, view, { inline: true }), [doc, view]);
  const labels = useMemo(() => labelRects(view), [view]);
  const links = useMemo(() => new Map<string, Link>(view.drawn.map((l) => [l.id, l])), [view]);
  const [editing, setEditing] = useState<{ linkId: string; draft: string } | undefined>();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (editing || !refocus.current) return;
    buttons.current.get(refocus.current)?.focus();
    refocus.current = undefined;
  }, [editing, svg]);

  const stop = (linkId: string) => {
    refocus.current = linkId;
    setEditing(undefined);
  };
  return (
    <div className={`cw-integration-picture${fit ? ' is-fit' : ''}`} data-pair={`${pair.source ?? ''}>${pair.target ?? ''}`}>
      {/* The SVG is built by the exporter, which escapes every piece of user text (xmlText). */}
      <div className="cw-integration-svg" dangerouslySetInnerHTML={{ __html: svg }} />
      {onTransform &&
        labels.map(({ linkId, rect }) => {
          const link = links.get(linkId);
          if (!link || link.kind !== 'mapping') return null;
          const style = { left: rect.x, top: rect.y, width: rect.w, height: rect.h };
          if (editing?.linkId === linkId) {
            return (
              <input
                key={linkId}
                className="cw-integration-edit"
                style={style}
                autoFocus
                aria-label={`Transform of ${describeEndpoint(doc, link.from)} → ${describeEndpoint(doc, link.to)}`}
                value={editing.draft}
                placeholder="as is"
                onChange={(e) => setEditing({ linkId, draft: e.target.value })}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    e.stopPropagation();
                    onTransform(linkId, editing.draft);
                    stop(linkId);
                  } else if (e.key === 'Escape') {
                    e.preventDefault();
                    e.stopPropagation();
                    stop(linkId);
                  }
                }}
                onBlur={() => setEditing((cur) => (cur?.linkId === linkId ? undefined : cur))}
              />
            );
          }
          return (
            <button
              key={linkId}
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(linkId, el);
                else buttons.current.delete(linkId);
              }}
              className="cw-integration-hit"
              style={style}
              data-link={linkId}
              title="Edit the transform"
              aria-label={`Transform of ${describeEndpoint(doc, link.from)} → ${describeEndpoint(doc, link.to)}: ${link.transform?.trim() ? link.transform : 'as is'}. Edit`}
              onClick={() => setEditing({ linkId, draft: link.transform ?? '' })}
            />
          );
        })}
    </div>
  );
});
