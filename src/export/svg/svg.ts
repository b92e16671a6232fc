import type { CrosswalkDocument } from '../../model/types';

/** Placeholder until the exporter lands. */
export function exportSvg(_doc: CrosswalkDocument, _o?: unknown): string {
  throw new Error('exportSvg: not implemented yet');
}
