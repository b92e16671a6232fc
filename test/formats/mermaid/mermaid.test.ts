import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { parseDocumentText } from '../../../src/io/file';
import { exportMermaidEr } from '../../../src/formats/mermaid/er';
import { exportMermaidFlowchart } from '../../../src/formats/mermaid/flowchart';
import { entityTitles, readableIdentifiers, THEME_DIRECTIVE } from '../../../src/formats/mermaid/names';
import { decodeEntityCodes, identifierMap, quoteText } from '../../../src/formats/mermaid/text';
import type { CrosswalkDocument } from '../../../src/model/types';
import { mermaidError } from './mermaid-parse';

const examples = readdirSync('examples')
  .filter((f) => f.endsWith('.crosswalk.json'))
  .map((f) => {
    const r = parseDocumentText(readFileSync(`examples/${f}`, 'utf8'));
    if (!r.ok) throw new Error(`${f} does not open`);
    return [f, r.doc] as const;
  });

function doc(partial: Partial<CrosswalkDocument>): CrosswalkDocument {
  return { format: 'crosswalk', version: 1, title: 'T', systems: [], entities: [], links: [], ...partial };
}

describe('Mermaid export of the examples', () => {
  it.each(examples)('%s: erDiagram and flowchart parse with the real parser', async (_f, d) => {
    expect(await mermaidError(exportMermaidEr(d))).toBeUndefined();
    expect(await mermaidError(exportMermaidEr(d, { mappings: true }))).toBeUndefined();
    expect(await mermaidError(exportMermaidFlowchart(d))).toBeUndefined();
  });
});

describe('identifiers', () => {
  it('keeps ids that differ only in characters Mermaid cannot hold apart', () => {
    const ids = ['a-b', 'a_b', 'a.b', 'A', 'a', 'end', 'graph', '1abc', 'ünï', ''];
    const map = identifierMap(ids);
    const idents = ids.map((id) => map.get(id)!);
    expect(new Set(idents).size).toBe(ids.length);
    for (const i of idents) expect(i).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
    expect(map.get('a_b')).toBe('a_b');
    expect(map.get('end')).not.toBe('end');
  });

  it('gives the same identifiers for the same ids (deterministic)', () => {
    const ids = ['x-1', 'x_1', 'y.2'];
    expect([...identifierMap(ids)]).toEqual([...identifierMap(ids)]);
  });

  it('encodes label text so that decoding gives it back (hostile names render as text)', () => {
    for (const text of ['<img src=x onerror=alert(1)>', 'a "quoted" %% name; #1 | {x} [y]', 'Ω → ✓ 😀 שלום']) {
      const q = quoteText(text);
      expect(q).not.toMatch(/["<>%]/);
      expect(decodeEntityCodes(q)).toBe(text);
    }
  });
});

describe('erDiagram details', () => {
  it('writes aliases, keys, comments and cardinalities', () => {
    // "o" is a cardinality letter in Mermaid, so it gets a hashed identifier and an alias.
    const o = identifierMap(['o']).get('o')!;
    expect(o).toMatch(/^o_[0-9a-z]+$/);
    const text = exportMermaidEr(
      doc({
        entities: [
          { id: 'c', name: 'Customer "Ltd"', fields: [{ id: 'id', name: 'id', type: 'uuid', key: 'PK', description: 'the "id"' }, { id: 'pk', name: 'pk', type: '' }] },
          { id: 'o', name: 'o', fields: [] },
        ],
        links: [{ id: 'r', kind: 'relation', from: { entity: 'c' }, to: { entity: 'o' }, cardinality: { from: 'exactly-one', to: 'zero-or-more' } }],
      }),
    );
    expect(text).toBe(
      [
        THEME_DIRECTIVE,
        'erDiagram',
        '  Customer_Ltd["Customer #quot;Ltd#quot;"] {',
        `    uuid id PK "the #quot;id#quot;"`,
        '    string pk_',
        '  }',
        `  ${o}["o"]`,
        `  Customer_Ltd ||--o{ ${o} : ""`,
        '',
      ].join('\n'),
    );
  });

  it('draws mappings as dotted links only when asked', () => {
    const d = examples.find(([f]) => f.startsWith('identity'))![1];
    expect(exportMermaidEr(d)).not.toContain('..');
    expect(exportMermaidEr(d, { mappings: true })).toContain('||..||');
  });
});

describe('flowchart details', () => {
  it('puts entities in subgraphs, flows between subgraphs, and mappings of one pair on one edge', () => {
    const d = examples.find(([f]) => f.startsWith('identity'))![1];
    const text = exportMermaidFlowchart(d);
    expect(text.startsWith(`${THEME_DIRECTIVE}\nflowchart LR\n`)).toBe(true);
    expect(text.match(/^ {2}subgraph /gm)).toHaveLength(d.systems.length);
    const edges = text.split('\n').filter((l) => l.includes('-.->'));
    const pairs = new Set(d.links.filter((l) => l.kind === 'mapping').map((l) => JSON.stringify(['entity' in l.from && l.from.entity, 'entity' in l.to && l.to.entity])));
    expect(edges).toHaveLength(pairs.size);
    expect(text).toContain('Work_Email → login (lowercase)<br/>Work_Email → email (lowercase)');
  });
});

describe('names a person editing the text can read', () => {
  const twoUsers = doc({
    systems: [
      { id: 'okta', name: 'Okta' },
      { id: 'gw', name: 'Google' },
    ],
    entities: [
      { id: 'ok-user', name: 'User', system: 'okta', fields: [{ id: 'l', name: 'login', type: 'string' }] },
      { id: 'g-user', name: 'user', system: 'gw', fields: [] },
      { id: 'grp', name: 'Group', system: 'gw', fields: [] },
    ],
  });

  it('titles entities with their system where names repeat, and reads identifiers from the titles', () => {
    expect([...entityTitles(twoUsers).values()]).toEqual(['Okta User', 'Google user', 'Group']);
    const text = exportMermaidEr(twoUsers);
    expect(text).toContain('  Okta_User["Okta User"] {');
    expect(text).toContain('  Google_user["Google user"]');
    expect(text).toContain('  Group\n');
    const flow = exportMermaidFlowchart(twoUsers);
    expect(flow).toContain('  subgraph s_Okta["Okta"]');
    expect(flow).toContain('    e_Okta_User["Okta User"]');
  });

  it('falls back to identifiers from ids where names would clash or read as nothing', () => {
    const ids = readableIdentifiers([
      { id: 'a', title: 'Order line' },
      { id: 'b', title: 'Order-line' },
      { id: 'c', title: '🚀' },
      { id: 'd', title: 'end' },
      { id: 'e', title: 'Customer' },
    ]);
    expect(ids.get('e')).toBe('Customer');
    expect(ids.get('a')).not.toBe('Order_line');
    expect(new Set(ids.values()).size).toBe(5);
    for (const i of ids.values()) expect(i).toMatch(/^[A-Za-z][A-Za-z0-9_]*$/);
  });

  it('starts every diagram with a black-on-white theme that Mermaid 10 and 11 read', async () => {
    const d = examples[0][1];
    for (const text of [exportMermaidEr(d), exportMermaidFlowchart(d)]) {
      expect(text.split('\n')[0]).toBe(THEME_DIRECTIVE);
      expect(await mermaidError(text)).toBeUndefined();
    }
    const init = JSON.parse(THEME_DIRECTIVE.slice('%%{init: '.length, -'}%%'.length)) as { theme: string; themeVariables: Record<string, string> };
    expect(init.theme).toBe('base');
    for (const [key, colour] of Object.entries(init.themeVariables)) if (key !== 'fontFamily') expect(['#ffffff', '#000000'], key).toContain(colour);
  });
});
