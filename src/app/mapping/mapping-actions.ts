import { registerActions } from '../actions/actions';
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
    run: openMappingTable,
  },
  { id: 'panel-gaps', label: 'Show coverage and gaps', group: 'Panels', shortcuts: ['Alt+G'], run: () => setUi({ rightPanel: 'gaps' }) },
]);
