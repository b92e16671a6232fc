import { catalogueEntries } from '../../formats/catalogue/entries';
import { fitTo, viewportCentre } from '../canvas/flow-instance';
import type { Action } from './actions';

/** One palette command per catalogue object ("Add SCIM 2.0 User…"); the fields, and the code that places them, load on use. */
export const CATALOGUE_ACTIONS: readonly Action[] = catalogueEntries().map((e) => ({
  id: `catalogue:${e.id}`,
  label: `Add ${e.system} ${e.entity}…`,
  group: 'Insert',
  edits: true,
  keywords: ['catalogue', 'template', ...e.keywords].join(' '),
  run: async () => {
    const { addFromCatalogue } = await import('../files/catalogue');
    const id = await addFromCatalogue(e.id, viewportCentre());
    // The new node is drawn on the next frame; fit the view to it then.
    if (id) requestAnimationFrame(() => fitTo([id]));
  },
}));
