import { useLayoutEffect, useMemo, useState, type RefObject } from 'react';
import { integrationSize, screenIntegrationView } from '../../formats/svg/integration';
import { pairLinks, pairOfFocus } from '../../layout/integration';
import type { Step } from '../../model/types';
import { useAppStore } from '../store/store';
import { IntegrationPicture } from './IntegrationPicture';
import './integration.css';

// Present mode's `show: 'integration'`: the integration view of the step's system pair (the
// two systems in focus, or the systems of the focused flow or mappings), drawn large over
// the canvas, beside or above the step card — whichever shows it larger.

const MARGIN = 24;

interface Area {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The integration view of a step, or nothing when its focus names no pair with links. */
export function PresentIntegration({ step, card }: { step: Step; card: RefObject<HTMLElement | null> }) {
  const doc = useAppStore((s) => s.doc);
  const pair = useMemo(() => pairOfFocus(doc, step.focus ?? []), [doc, step.focus]);
  const size = useMemo(() => (pair ? integrationSize(doc, screenIntegrationView(doc, pair)) : undefined), [doc, pair]);
  const [area, setArea] = useState<Area & { scale: number }>();
  useLayoutEffect(() => {
    if (!size) return undefined;
    const place = () => {
      const W = window.innerWidth;
      const H = window.innerHeight;
      const c = card.current?.getBoundingClientRect();
      const candidates: Area[] = c
        ? [
            { left: c.right + MARGIN, top: MARGIN, width: W - c.right - 2 * MARGIN, height: H - 2 * MARGIN },
            { left: MARGIN, top: MARGIN, width: W - 2 * MARGIN, height: c.top - 2 * MARGIN },
          ]
        : [{ left: MARGIN, top: MARGIN, width: W - 2 * MARGIN, height: H - 2 * MARGIN }];
      let best: (Area & { scale: number }) | undefined;
      for (const a of candidates) {
        if (a.width <= 0 || a.height <= 0) continue;
        // Never larger than twice its size: text stays at most 26-36 px.
        const scale = Math.min(2, a.width / size.width, a.height / size.height);
        if (!best || scale > best.scale) best = { ...a, scale };
      }
      setArea(best);
    };
    place();
    const ro = new ResizeObserver(place);
    if (card.current) ro.observe(card.current);
    window.addEventListener('resize', place);
    return () => {
      ro.disconnect();
      window.removeEventListener('resize', place);
    };
  }, [size, card]);
  if (!pair || !size || pairLinks(doc, pair).length === 0) return null;
  return (
    <div className="cw-present-integration" aria-label="Integration view">
      {area && (
        <div
          className="cw-present-integration-frame"
          style={{
            left: area.left + (area.width - size.width * area.scale) / 2,
            top: area.top + (area.height - size.height * area.scale) / 2,
            width: size.width,
            height: size.height,
            transform: `scale(${area.scale})`,
          }}
        >
          <IntegrationPicture doc={doc} pair={pair} />
        </div>
      )}
    </div>
  );
}
