import { describe, expect, it } from 'vitest';
import { findErDiagramBlocks } from '../../src/cli/import-command';

describe('findErDiagramBlocks', () => {
  it('finds erDiagram blocks in mermaid fences and where they start', () => {
    const md = [
      '# Note', //               line 1
      '```mermaid', //           2
      'flowchart LR', //         3
      '  a --> b', //            4
      '```', //                  5
      '', //                     6
      '~~~~ Mermaid', //         7
      '%% a comment', //         8
      'erDiagram', //            9
      '  A ||--o{ B : has', //   10
      '~~~~', //                 11
      '```mermaid', //           12
      'erDiagram', //            13
      '```', //                  14
    ].join('\n');
    const blocks = findErDiagramBlocks(md);
    expect(blocks).toEqual([
      { text: '%% a comment\nerDiagram\n  A ||--o{ B : has', lineOffset: 7 },
      { text: 'erDiagram', lineOffset: 12 },
    ]);
    // Line 2 of the first block is file line 9.
    expect(blocks[0].text.split('\n')[1]).toBe(md.split('\n')[2 - 1 + blocks[0].lineOffset]);
  });

  it('ignores other code and an unclosed fence reads to the end', () => {
    expect(findErDiagramBlocks('```sql\nerDiagram\n```')).toEqual([]);
    expect(findErDiagramBlocks('```mermaid\r\nerDiagram\r\n  A {\r\n')).toEqual([{ text: 'erDiagram\n  A {\n', lineOffset: 1 }]);
  });
});
