import { pairLinks, pairName, pairOfFocus } from '../../layout/pairs';
import * as ops from '../../model/ops';
import { stepSchema } from '../../model/schema';
import type { Step } from '../../model/types';
import { SelectField } from '../panels/fields';
import { applyEdit, setUi, useAppStore } from '../store/store';
import '../integration/integration.css';

// How present mode shows a step (`step.show`), chosen per step; for the integration view,
// which pair the focus names and a way to open it.

type Show = NonNullable<Step['show']>;

const LABELS: Record<Show, string> = {
  fit: 'Fit (in parts when text would be under 16 px)',
  parts: 'Parts (one system at a time)',
  integration: 'Integration view of the focused pair',
};
// The options follow the schema's enum, so a new way to show a step cannot be forgotten here.
const OPTIONS = stepSchema.shape.show.def.innerType.options.map((value) => ({ value, label: LABELS[value] }));

/** The "Show" control of a step. */
export function StepShowField({ step }: { step: Step }) {
  const doc = useAppStore((s) => s.doc);
  const pair = pairOfFocus(doc, step.focus ?? []);
  const show = step.show ?? 'fit';
  return (
    <div className="cw-step-show">
      <SelectField<Show>
        label="Present as"
        value={show}
        options={OPTIONS}
        onChange={(v) => applyEdit((d) => ops.updateStep(d, step.id, { show: v === '' || v === 'fit' ? undefined : v }))}
      />
      {show === 'integration' && !(pair && pairLinks(doc, pair).length > 0) && (
        <p className="cw-hint">Focus two systems, a flow or mappings between two systems to show their integration view.</p>
      )}
      {pair && pairLinks(doc, pair).length > 0 && (
        <button type="button" onClick={() => setUi({ integration: pair })}>
          Integration view: {pairName(doc, pair)}
        </button>
      )}
    </div>
  );
}
