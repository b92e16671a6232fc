import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDocumentText } from '../../../src/io/file';
import type { CrosswalkDocument, Entity, Link, Step, System } from '../../../src/model/types';

/** Every example document, read from examples/ (new ones are picked up automatically). */
export function loadExamples(): { name: string; doc: CrosswalkDocument }[] {
  const dir = fileURLToPath(new URL('../../../examples', import.meta.url));
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => {
      const result = parseDocumentText(readFileSync(join(dir, name), 'utf8'));
      if (!result.ok) throw new Error(`${name} does not open: ${JSON.stringify(result.error)}`);
      return { name, doc: result.doc };
    });
}

/** Every control character XML 1.0 forbids, and a few it allows but nobody means. */
const CONTROLS = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\u007f\u0085\ufffe\uffff\ud800';

/** A name made of everything that breaks naive exporters. */
function hostile(i: number): string {
  return `"Q${i}" & <b>R</b> 'x' %% ${CONTROLS} 🚀👩‍💻 שלום עולם مرحبا\nsecond line\r\n\tend`;
}

/** A 300-character name. */
function long(i: number): string {
  return `L${i}-` + 'Verylongwordwithoutanyspaces'.repeat(5) + ' ' + 'and many words after it '.repeat(7) + 'x'.repeat(300);
}

/**
 * A document of hostile text: quotes, & < >, emoji, right-to-left text, newlines, every
 * C0 control character, lone surrogates, 300-character names; some positions negative,
 * some missing.
 */
export function hostileDocument(): CrosswalkDocument {
  const systems: System[] = [
    { id: 's1', name: hostile(1), kind: hostile(2), description: hostile(3), position: { x: -400, y: -200 } },
    { id: 's2', name: long(1).slice(0, 300), kind: long(2).slice(0, 300) },
    { id: 's3', name: 'Plain' },
  ];
  const entity = (id: string, name: string, system: string | undefined, fields: number): Entity => ({
    id,
    name,
    system,
    description: hostile(9),
    fields: Array.from({ length: fields }, (_, j) => ({
      id: `${id}-f${j}`,
      name: j % 2 ? hostile(j) : long(j).slice(0, 300),
      type: j % 3 ? hostile(j) : long(j).slice(0, 120),
      key: (['PK', 'FK', 'UK', undefined] as const)[j % 4],
      description: hostile(j),
    })),
  });
  const entities: Entity[] = [
    entity('e1', hostile(4), 's1', 6),
    entity('e2', long(3).slice(0, 300), 's2', 40),
    entity('e3', hostile(5), 's2', 3),
    entity('e4', long(4).slice(0, 300), undefined, 2),
    entity('e5', 'Empty', 's3', 0),
  ];
  const links: Link[] = [
    { id: 'f1', kind: 'flow', from: { system: 's1' }, to: { system: 's2' }, label: hostile(6), protocol: long(5), schedule: hostile(7) },
    { id: 'f2', kind: 'flow', from: { system: 's2' }, to: { system: 's1' }, label: 'back' },
    { id: 'f3', kind: 'flow', from: { system: 's3' }, to: { system: 's3' }, label: 'self' },
    { id: 'r1', kind: 'relation', from: { entity: 'e2', field: 'e2-f1' }, to: { entity: 'e3', field: 'e3-f0' }, label: hostile(8) },
    { id: 'r2', kind: 'relation', from: { entity: 'e1', field: 'e1-f2' }, to: { entity: 'e1', field: 'e1-f0' } },
    ...Array.from({ length: 30 }, (_, i): Link => ({
      id: `m${i}`,
      kind: 'mapping',
      from: { entity: 'e1', field: `e1-f${i % 6}` },
      to: { entity: 'e2', field: `e2-f${i}` },
      transform: i % 2 ? hostile(i) : long(i),
      description: i % 3 ? long(i) : hostile(i),
    })),
    { id: 'm-loose', kind: 'mapping', from: { entity: 'e4', field: 'e4-f0' }, to: { entity: 'e3' }, transform: hostile(1) },
  ];
  const walkthrough: Step[] = [
    { id: 'w1', title: hostile(10), bullets: [hostile(11), long(12), '', hostile(13)], speakerNotes: hostile(14), focus: ['e1', 'm1', 'f1'] },
    { id: 'w2', title: long(15), bullets: Array.from({ length: 30 }, (_, i) => long(i)), speakerNotes: long(16) },
    { id: 'w3', title: 'Notes only', focus: ['n1', 'n2'] },
    { id: 'w4', title: 'A system', focus: ['s3'], speakerNotes: '' },
  ];
  return {
    format: 'crosswalk',
    version: 1,
    title: hostile(0),
    description: `${hostile(20)}\n${long(21)}`,
    systems,
    entities,
    links,
    notes: [
      { id: 'n1', text: hostile(30), position: { x: -900, y: 1200 } },
      { id: 'n2', text: long(31) + '\n' + long(32) },
    ],
    walkthrough,
  };
}

/** A large document: `count` entities of 8 fields in systems of 25, relations, mappings, flows, steps. */
export function largeDocument(count: number): CrosswalkDocument {
  const perSystem = 25;
  const systemCount = Math.ceil(count / perSystem);
  const systems: System[] = Array.from({ length: systemCount }, (_, i) => ({ id: `s${i}`, name: `System ${i}`, kind: 'App' }));
  const entities: Entity[] = Array.from({ length: count }, (_, i) => ({
    id: `e${i}`,
    name: `Entity number ${i}`,
    system: `s${Math.floor(i / perSystem)}`,
    fields: Array.from({ length: 8 }, (_, j) => ({ id: `f${j}`, name: `field_${j}_of_${i}`, type: j ? 'string' : 'uuid', key: j ? undefined : ('PK' as const) })),
  }));
  const links: Link[] = [];
  for (let i = 1; i < count; i++) {
    const sameSystem = Math.floor(i / perSystem) === Math.floor((i - 1) / perSystem);
    links.push({
      id: `l${i}`,
      kind: sameSystem ? 'relation' : 'mapping',
      from: { entity: `e${i}`, field: 'f1' },
      to: { entity: `e${i - 1}`, field: 'f0' },
    });
    if (i + perSystem < count) links.push({ id: `m${i}`, kind: 'mapping', from: { entity: `e${i}`, field: 'f2' }, to: { entity: `e${i + perSystem}`, field: 'f3' }, transform: 'trim' });
  }
  for (let s = 1; s < systemCount; s++) links.push({ id: `fl${s}`, kind: 'flow', from: { system: `s${s - 1}` }, to: { system: `s${s}` }, label: 'sync' });
  const walkthrough: Step[] = [
    { id: 'w-all', title: 'Everything', bullets: ['All of it'] },
    { id: 'w-sys', title: 'Two systems', focus: ['s0', 's1'] },
    { id: 'w-many', title: 'Many entities', focus: entities.slice(0, 200).map((e) => e.id) },
  ];
  return { format: 'crosswalk', version: 1, title: `Large: ${count} entities`, systems, entities, links, walkthrough };
}

/**
 * What a presenter's worst case looks like (issue 10): a 60-field entity, 300-character
 * names, 30 mappings between two systems, a flow, and a step focusing on all of it.
 */
export function presenterStressDocument(): CrosswalkDocument {
  const long = (i: number) => `Name${i} ` + 'with a rather long description of what it holds '.repeat(7).slice(0, 292);
  const source: Entity = {
    id: 'src',
    name: long(0),
    system: 'a',
    fields: Array.from({ length: 60 }, (_, i) => ({ id: `f${i}`, name: i % 10 === 0 ? long(i + 1) : `source_field_${i}`, type: 'string' })),
  };
  const target: Entity = {
    id: 'tgt',
    name: 'Target record',
    system: 'b',
    fields: Array.from({ length: 40 }, (_, i) => ({ id: `g${i}`, name: i % 7 === 0 ? long(100 + i) : `targetField${i}`, type: 'text', required: i % 3 === 0 })),
  };
  const links: Link[] = Array.from({ length: 30 }, (_, i) => ({
    id: `m${i}`,
    kind: 'mapping',
    from: { entity: 'src', field: `f${i * 2}` },
    to: { entity: 'tgt', field: `g${i}` },
    transform: i % 4 === 0 ? long(200 + i) : i % 2 ? 'lowercase' : undefined,
  }));
  links.push({ id: 'fl', kind: 'flow', from: { system: 'a' }, to: { system: 'b' }, label: 'nightly export', protocol: 'SFTP' });
  return {
    format: 'crosswalk',
    version: 1,
    title: long(999),
    systems: [
      { id: 'a', name: long(500), kind: 'HR' },
      { id: 'b', name: 'Target system' },
    ],
    entities: [source, target],
    links,
    walkthrough: [{ id: 's1', title: 'All thirty mappings', bullets: ['Thirty mappings', 'Long names'], speakerNotes: 'Walk through them.', focus: links.map((l) => l.id) }],
  };
}
