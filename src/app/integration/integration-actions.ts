import { integrationPairs, pairName, pairOfFocus } from '../../layout/pairs';
import { PALETTE_SOURCES, registerActions } from '../actions/actions';
import { getState, notify, setUi } from '../store/store';

// Opening the integration view: from the selection (a flow, a mapping, two systems, two
// entities), or, with nothing that names a pair, from the command palette's list of pairs.

/** Opens the integration view on the pair the selection points at, or asks for one. */
export function openIntegrationView(): void {
  const { doc, selection } = getState();
  const ids = selection.field ? [...selection.ids, selection.field.entity] : selection.ids;
  const pair = pairOfFocus(doc, ids);
  if (pair) {
    setUi({ integration: pair });
    return;
  }
  if (integrationPairs(doc).length === 0) {
    notify('info', 'The integration view shows two systems joined by mappings or a flow: this document has none yet.');
    return;
  }
  setUi({ paletteOpen: true, paletteQuery: 'integration view:' });
}

registerActions([
  {
    id: 'integration-view',
    label: 'Integration view… (the selected flow, mapping or pair of systems)',
    group: 'Panels',
    shortcuts: ['Alt+I'],
    keywords: 'pair mapping spec crosswalk transforms',
    run: openIntegrationView,
  },
]);

PALETTE_SOURCES.push((state) =>
  integrationPairs(state.doc).map((p) => ({
    id: `integration:${p.pair.source}>${p.pair.target}`,
    label: `Integration view: ${pairName(state.doc, p.pair)} (${p.forward + p.backward} links)`,
    group: 'Panels',
    run: () => setUi({ integration: p.pair }),
  })),
);
