import { readdirSync, readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/io/file';
import { exportMarkdown } from '../../src/formats/markdown/markdown';
import { exportMermaidEr } from '../../src/formats/mermaid/er';
import { exportMermaidFlowchart } from '../../src/formats/mermaid/flowchart';
import type { CrosswalkDocument } from '../../src/model/types';

// Golden files: one expected output per example and format, under test/golden/cases/.
// Compared byte for byte by golden.test.ts; rewritten only by `npm run golden:update`.

export const GOLDEN_DIR = 'test/golden/cases';

export const GOLDEN_FORMATS: readonly { suffix: string; run: (doc: CrosswalkDocument) => string }[] = [
  { suffix: 'er.mmd', run: (d) => exportMermaidEr(d) },
  { suffix: 'er-mappings.mmd', run: (d) => exportMermaidEr(d, { mappings: true }) },
  { suffix: 'flowchart.mmd', run: exportMermaidFlowchart },
  { suffix: 'md', run: exportMarkdown },
];

/** Every example: its base name and document. */
export function goldenExamples(): { name: string; doc: CrosswalkDocument }[] {
  return readdirSync('examples')
    .filter((f) => f.endsWith('.crosswalk.json'))
    .sort()
    .map((f) => {
      const r = parseDocumentText(readFileSync(`examples/${f}`, 'utf8'));
      if (!r.ok) throw new Error(`examples/${f} does not open`);
      return { name: f.replace(/\.crosswalk\.json$/, ''), doc: r.doc };
    });
}
