import type { CrosswalkDocument } from '../../model/types';

/** Placeholder until the exporter lands. */
export function exportMermaidEr(_doc: CrosswalkDocument, _o?: unknown): string {
  throw new Error('exportMermaidEr: not implemented yet');
}
