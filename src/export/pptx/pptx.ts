import type { CrosswalkDocument } from '../../model/types';
import type { ExportOptions } from '../registry';

/** Placeholder until the exporter lands. */
export async function exportPptx(_doc: CrosswalkDocument, _o?: ExportOptions): Promise<Uint8Array> {
  throw new Error('exportPptx: not implemented yet');
}
