import { integrationPairs, pairName } from '../../layout/pairs';
import { PALETTE_SOURCES, registerActions } from '../actions/actions';
import { getState, notify, setUi } from '../store/store';
import { sidesForSelection } from './open-table';

// The mapping table's actions, registered like the walkthrough's.

/** Opens the mapping table on the pair the selection points at. */
export function openMappingTable(): void {
  const { doc, selection } = getState();
  const sides = sidesForSelection(doc, selection);
  if (!sides) {
    notify('info', 'The mapping table needs two systems (or two entities) to map between.');
    return;
  }
  setUi({ mappingTable: { source: sides[0], target: sides[1] } });
}

registerActions([
  {
    id: 'mapping-table',
    label: 'Open the mapping table (for the selected flow, mapping, systems or entity)',
    group: 'Panels',
    shortcuts: ['T'],
    toolbar: 'Mappings',
    keywords: 'mappings spreadsheet grid fields',
    run: openMappingTable,
  },
  { id: 'panel-gaps', label: 'Show coverage and gaps', group: 'Panels', shortcuts: ['Alt+G'], run: () => setUi({ rightPanel: 'gaps' }) },
]);

// One entry per pair of systems joined by mappings or a flow, as the integration view has:
// "Mapping table: Workday → Okta" opens that pair whatever is selected.
PALETTE_SOURCES.push((state) =>
  integrationPairs(state.doc).flatMap(({ pair }) =>
    pair.source === undefined || pair.target === undefined
      ? []
      : [{
          id: `mapping-table:${pair.source}>${pair.target}`,
          label: `Mapping table: ${pairName(state.doc, pair)}`,
          group: 'Panels',
          run: () => setUi({ mappingTable: { source: { system: pair.source! }, target: { system: pair.target! } } }),
        }],
  ),
);
