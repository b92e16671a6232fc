import { documentSchema } from './schema';
import { isSelfLink } from './meaning';
import { formatPath, type PathSegment, type Problem } from './path';
import { isEntityEndpoint, isSystemEndpoint, type CrosswalkDocument, type Endpoint } from './types';

/** The result of validating untrusted input as a document. */
export type ValidationResult =
  | { ok: true; doc: CrosswalkDocument }
  | { ok: false; problems: Problem[] };

/**
 * Checks the shape of `input` (types, required keys) and then its meaning
 * (unique ids, existing references). Returns every problem found, each with its path.
 */
export function validateDocument(input: unknown): ValidationResult {
  const parsed = documentSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => ({
      path: formatPath(issue.path as PathSegment[]),
      message: issue.message,
    }));
    return { ok: false, problems: dedupe(problems) };
  }
  const problems = checkDocument(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, doc: parsed.data };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path}\u0000${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Checks the rules a well-shaped document must follow: ids non-empty and unique across
 * the document (field ids within their entity), and every reference pointing at something.
 */
export function checkDocument(doc: CrosswalkDocument): Problem[] {
  const problems: Problem[] = [];
  const add = (path: PathSegment[], message: string) => problems.push({ path: formatPath(path), message });

  const owners = new Map<string, string>();
  const claim = (id: string, path: PathSegment[]) => {
    const prev = owners.get(id);
    if (prev !== undefined) add([...path, 'id'], `duplicate id ${JSON.stringify(id)} (also used by ${prev})`);
    else owners.set(id, formatPath(path));
  };

  const systems = new Set<string>();
  doc.systems.forEach((s, i) => {
    claim(s.id, ['systems', i]);
    systems.add(s.id);
  });

  const entities = new Map<string, Set<string>>();
  doc.entities.forEach((e, i) => {
    claim(e.id, ['entities', i]);
    const fieldIds = new Set<string>();
    e.fields.forEach((f, j) => {
      if (fieldIds.has(f.id)) add(['entities', i, 'fields', j, 'id'], `duplicate id ${JSON.stringify(f.id)}`);
      fieldIds.add(f.id);
    });
    entities.set(e.id, fieldIds);
    if (e.system !== undefined && !systems.has(e.system)) {
      add(['entities', i, 'system'], `unknown system ${JSON.stringify(e.system)}`);
    }
  });

  doc.links.forEach((l, i) => claim(l.id, ['links', i]));
  (doc.notes ?? []).forEach((n, i) => claim(n.id, ['notes', i]));
  (doc.walkthrough ?? []).forEach((s, i) => claim(s.id, ['walkthrough', i]));

  const checkEndpoint = (ep: Endpoint, path: PathSegment[], want: 'system' | 'entity') => {
    if (want === 'system') {
      if (!isSystemEndpoint(ep)) add(path, 'a flow joins two systems: expected {"system": id}');
      else if (!systems.has(ep.system)) add([...path, 'system'], `unknown system ${JSON.stringify(ep.system)}`);
      return;
    }
    if (!isEntityEndpoint(ep)) {
      add(path, 'expected {"entity": id, "field"?: id}');
      return;
    }
    const fields = entities.get(ep.entity);
    if (!fields) add([...path, 'entity'], `unknown entity ${JSON.stringify(ep.entity)}`);
    else if (ep.field !== undefined && !fields.has(ep.field)) {
      add([...path, 'field'], `unknown field ${JSON.stringify(ep.field)} in entity ${JSON.stringify(ep.entity)}`);
    }
  };

  doc.links.forEach((l, i) => {
    const want = l.kind === 'flow' ? 'system' : 'entity';
    checkEndpoint(l.from, ['links', i, 'from'], want);
    checkEndpoint(l.to, ['links', i, 'to'], want);
    if (isSelfLink(l.from, l.to)) add(['links', i, 'to'], `a ${l.kind} cannot join a field to itself`);
  });

  const focusable = new Set<string>([
    ...systems,
    ...entities.keys(),
    ...doc.links.map((l) => l.id),
    ...(doc.notes ?? []).map((n) => n.id),
  ]);
  (doc.walkthrough ?? []).forEach((step, i) => {
    (step.focus ?? []).forEach((id, j) => {
      if (!focusable.has(id)) add(['walkthrough', i, 'focus', j], `unknown id ${JSON.stringify(id)}`);
    });
  });

  return problems;
}
