import type { CrosswalkDocument } from '../../model/types';

/** Placeholder until the exporter lands. */
export function exportMarkdown(_doc: CrosswalkDocument, _o?: unknown): string {
  throw new Error('exportMarkdown: not implemented yet');
}
