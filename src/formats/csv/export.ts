import Papa from 'papaparse';
import { isEntityEndpoint, type CrosswalkDocument, type Endpoint } from '../../model/types';
import { SHEET_COLUMNS } from './columns';

/**
 * Writes every mapping as one row of a mapping sheet: exactly the header of DESIGN.md
 * (lowercase, in order), `notes` holding the mapping's description, empty field cells for a
 * mapping between whole entities. RFC 4180: CRLF line ends, cells quoted when they need it.
 */
export function exportMappingSheet(doc: CrosswalkDocument): string {
  const systems = new Map(doc.systems.map((s) => [s.id, s.name]));
  const entities = new Map(doc.entities.map((e) => [e.id, e]));
  const end = (ep: Endpoint): [string, string, string] => {
    if (!isEntityEndpoint(ep)) return ['', '', ''];
    const entity = entities.get(ep.entity);
    if (!entity) return ['', '', ''];
    const field = ep.field === undefined ? undefined : entity.fields.find((f) => f.id === ep.field);
    return [entity.system === undefined ? '' : (systems.get(entity.system) ?? ''), entity.name, field?.name ?? ''];
  };
  const rows = doc.links
    .filter((l) => l.kind === 'mapping')
    .map((l) => [...end(l.from), ...end(l.to), l.transform ?? '', l.description ?? '']);
  return `${Papa.unparse([[...SHEET_COLUMNS], ...rows], { newline: '\r\n' })}\r\n`;
}
