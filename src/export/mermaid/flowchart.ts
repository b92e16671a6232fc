import type { CrosswalkDocument } from '../../model/types';

/** Placeholder until the exporter lands. */
export function exportMermaidFlowchart(_doc: CrosswalkDocument, _o?: unknown): string {
  throw new Error('exportMermaidFlowchart: not implemented yet');
}
