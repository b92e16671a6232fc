import { slugify } from '../model/ids';
import type { Field, FieldKey } from '../model/types';

// Small helpers the text importers (DBML, OpenAPI/JSON Schema, pasted fields) share, so each
// builds ids and fields the same way.

/**
 * Hands out readable ids (`work-email`, `work-email-2`) unique within one scope: the ids
 * `uniqueId` gives, but each stem remembers the suffix it got to (the ids taken only grow, so
 * the ones below it are still taken), so 5,000 tables of one name take 5,000 tries, not 12.5 million.
 */
export class IdScope {
  private readonly taken: Set<string>;
  private readonly suffix = new Map<string, number>();

  constructor(taken: Iterable<string> = []) {
    this.taken = new Set(taken);
  }

  /** A new id derived from `name`, never one handed out or reserved before. */
  next(name: string): string {
    const stem = slugify(name);
    let id = stem;
    if (this.taken.has(id)) {
      let n = this.suffix.get(stem) ?? 2;
      while (this.taken.has((id = `${stem}-${n}`))) n++;
      this.suffix.set(stem, n + 1);
    }
    this.taken.add(id);
    return id;
  }
}

/** What an importer knows about a field before it has an id. */
export interface FieldSpec {
  name: string;
  type?: string;
  key?: FieldKey;
  required?: boolean;
  description?: string;
}

/** Turns specs into fields with ids unique in `scope`, leaving out keys that carry nothing. */
export function buildFields(specs: readonly FieldSpec[], scope: IdScope = new IdScope()): Field[] {
  return specs.map((s) => {
    const field: Field = { id: scope.next(s.name), name: s.name };
    if (s.type) field.type = s.type;
    if (s.key) field.key = s.key;
    if (s.required) field.required = true;
    if (s.description) field.description = s.description;
    return field;
  });
}

/** The file's name without folders and extensions (`hr/schema.dbml` → `schema`), or undefined. */
export function baseName(fileName: string | undefined): string | undefined {
  if (!fileName) return undefined;
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.[^.]*$/, '').replace(/\.(crosswalk|openapi|schema)$/i, '');
  return stem.trim() || undefined;
}

/** The 1-based line of a character offset in `text`. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
