import type { CrosswalkDocument, Endpoint, Entity, Field, Link, Note, Step, System } from '../model/types';

// Keys are written in a fixed order, and absent optional keys are left out, so the same
// document always gives the same bytes and saved files diff cleanly.

type Plain = Record<string, unknown>;

function pick<T extends object>(obj: T, keys: readonly (keyof T)[]): Plain {
  const out: Plain = {};
  for (const k of keys) {
    const v = obj[k];
    if (v !== undefined) out[k as string] = v;
  }
  return out;
}

const point = (p: { x: number; y: number } | undefined) => (p ? { x: p.x, y: p.y } : undefined);

function endpoint(e: Endpoint): Plain {
  return 'system' in e ? { system: e.system } : pick(e, ['entity', 'field']);
}

function system(s: System): Plain {
  return pick(
    { ...s, position: point(s.position), size: s.size ? { width: s.size.width, height: s.size.height } : undefined },
    ['id', 'name', 'kind', 'description', 'position', 'size'],
  );
}

function field(f: Field): Plain {
  return pick(f, ['id', 'name', 'type', 'key', 'required', 'description']);
}

function entity(e: Entity): Plain {
  return {
    ...pick({ ...e, position: point(e.position) }, ['id', 'name', 'system', 'description', 'position']),
    fields: e.fields.map(field),
  };
}

function link(l: Link): Plain {
  return pick(
    {
      ...l,
      from: endpoint(l.from),
      to: endpoint(l.to),
      cardinality: l.cardinality ? { from: l.cardinality.from, to: l.cardinality.to } : undefined,
    },
    ['id', 'kind', 'from', 'to', 'label', 'description', 'cardinality', 'transform', 'protocol', 'schedule'],
  );
}

function note(n: Note): Plain {
  return pick({ ...n, position: point(n.position) }, ['id', 'text', 'position']);
}

function step(s: Step): Plain {
  return pick(s, ['id', 'title', 'bullets', 'speakerNotes', 'focus']);
}

/** Returns a copy of the document with keys in canonical order and no undefined values. */
export function normaliseDocument(doc: CrosswalkDocument): CrosswalkDocument {
  const out: Plain = {
    format: 'crosswalk',
    version: 1,
    title: doc.title,
  };
  if (doc.description !== undefined) out.description = doc.description;
  out.systems = doc.systems.map(system);
  out.entities = doc.entities.map(entity);
  out.links = doc.links.map(link);
  if (doc.notes !== undefined) out.notes = doc.notes.map(note);
  if (doc.walkthrough !== undefined) out.walkthrough = doc.walkthrough.map(step);
  return out as unknown as CrosswalkDocument;
}

/** Serialises a document as the text of a `.crosswalk.json` file (stable key order, trailing newline). */
export function serialiseDocument(doc: CrosswalkDocument): string {
  return `${JSON.stringify(normaliseDocument(doc), null, 2)}\n`;
}
