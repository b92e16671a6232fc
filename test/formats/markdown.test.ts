import { describe, expect, it } from 'vitest';
import { exportMarkdown, escapeInline } from '../../src/formats/markdown/markdown';
import type { CrosswalkDocument } from '../../src/model/types';

const doc: CrosswalkDocument = {
  format: 'crosswalk',
  version: 1,
  title: '<script>alert(1)</script> # not a heading',
  description: 'First line\n- not a list',
  systems: [
    { id: 'a', name: 'HR | system' },
    { id: 'b', name: 'IdP' },
  ],
  entities: [
    { id: 'w', name: 'Worker', system: 'a', fields: [{ id: 'e', name: 'Work_Email' }] },
    { id: 'u', name: 'User', system: 'b', fields: [{ id: 'l', name: 'login' }] },
  ],
  links: [{ id: 'm', kind: 'mapping', from: { entity: 'w', field: 'e' }, to: { entity: 'u', field: 'l' }, transform: 'lower | trim\nthen `x`', description: '*bold?*' }],
  walkthrough: [{ id: 's', title: 'Step one', bullets: ['first', '1. numbered?'], speakerNotes: 'Say this.\nThen that.', focus: ['m'] }],
};

describe('exportMarkdown', () => {
  const md = exportMarkdown(doc);

  it('escapes markup in user text', () => {
    expect(md.split('\n')[0]).toBe('# &lt;script&gt;alert(1)&lt;/script&gt; # not a heading');
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\- not a list');
    expect(escapeInline('Work_Email')).toBe('Work_Email');
    expect(escapeInline('_emph_')).toBe('\\_emph\\_');
  });

  it('writes one table row per mapping under a heading per pair of systems, keeping rows intact', () => {
    expect(md).toContain('### HR \\| system → IdP');
    const row = md.split('\n').find((l) => l.startsWith('| Worker.Work_Email'))!;
    expect(row).toBe('| Worker.Work_Email | User.login | lower \\| trim then \\`x\\` | \\*bold?\\* |');
    expect(row.split(/(?<!\\)\|/).length).toBe(6);
  });

  it('holds the system flowchart, an erDiagram per system, the integration as a flowchart and an erDiagram, each themed; and the walkthrough', () => {
    const blocks = [...md.matchAll(/```mermaid\n([^\n]*)\n([^\n]*)/g)].map((m) => [m[1].startsWith('%%{init:'), m[2]]);
    expect(blocks).toEqual([
      [true, 'flowchart LR'],
      [true, 'erDiagram'],
      [true, 'erDiagram'],
      [true, 'flowchart LR'],
      [true, 'erDiagram'],
    ]);
    expect(md).toContain('### HR \\| system\n\n```mermaid');
    // The integration: source field → target field, the transform on the arrow.
    expect(md).toMatch(/ {4}a_Worker__Work_Email\["Work_Email"\]/);
    expect(md).toMatch(/ {2}a_Worker__Work_Email -->\|"lower #124; trim then #96;x#96;"\| b_User__login/);
    expect(md).toContain('### 1. Step one');
    expect(md).toContain('- 1\\. numbered?');
    expect(md).toContain('> **Speaker notes:** Say this.\n> Then that.');
    expect(md).toContain('_Focus: Worker.Work_Email → User.login_');
  });

  it('is deterministic', () => {
    expect(exportMarkdown(structuredClone(doc))).toBe(md);
  });
});
