import { planView, type ViewPlan } from './diagram-draw';
import type { DiagramView } from './diagram-view';
import type { Rect } from './draw';
import { compactView, swimlaneView } from './view-compact';

// Which arrangement of a view a slide draws. Full tables (fields, links at their rows) say
// the most, so any arrangement that shows them legibly beats one that shows names only;
// among equals, the one closest to the canvas wins.

/** A view and how to draw it. */
export interface FittedView {
  view: DiagramView;
  plan: ViewPlan;
}

/** Title-only entities in a re-laid-out view are this tall (canvas units). */
const SHORT_ENTITY = 64;

/** The first candidate drawn in detail, else the first drawn with names only. */
function firstFitting(candidates: readonly (() => DiagramView)[], area: Rect): FittedView | undefined {
  const seen: FittedView[] = [];
  for (const make of candidates) {
    const view = make();
    const plan = planView(view, area);
    if (plan.mode === 'detail') return { view, plan };
    seen.push({ view, plan });
  }
  return seen.find((f) => f.plan.mode === 'collapsed');
}

/**
 * The diagram slide: the canvas layout, else the same with the empty room inside and
 * between systems closed. Undefined when neither is legible on one slide.
 */
export function chooseDiagramView(view: DiagramView, area: Rect): FittedView | undefined {
  let compact: DiagramView | undefined;
  const compacted = () => (compact ??= compactView(view));
  return firstFitting([() => view, compacted], area);
}

/**
 * A walkthrough step: the focused part as on the canvas; compacted; each system set out
 * as a column of its entities; and, when nothing else is legible, columns of names.
 */
export function chooseStepView(view: DiagramView, area: Rect): FittedView | undefined {
  const aspect = area.w / area.h;
  let compact: DiagramView | undefined;
  const compacted = () => (compact ??= compactView(view));
  const fitted = firstFitting([() => view, compacted, () => swimlaneView(view, (e) => e.box.height, aspect)], area);
  if (fitted) return fitted;
  const short = swimlaneView(view, () => SHORT_ENTITY, aspect);
  const plan = planView(short, area);
  // Boxes this short hold names only, whatever the scale.
  return plan.mode === 'too-large' ? undefined : { view: short, plan: { mode: 'collapsed', scale: plan.scale } };
}
