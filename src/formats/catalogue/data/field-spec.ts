import type { FieldSpec } from '../../import-kit';

/**
 * A catalogue field in one call: `f('userName', 'string', 'UK!', 'Unique login')`. Flags:
 * `PK`, `UK` or `FK` for the key, `!` for required (as the owner's reference says).
 */
export function f(name: string, type: string, flags = '', description?: string): FieldSpec {
  const spec: FieldSpec = { name, type };
  const key = /PK|UK|FK/.exec(flags)?.[0];
  if (key === 'PK' || key === 'UK' || key === 'FK') spec.key = key;
  if (flags.includes('!')) spec.required = true;
  if (description) spec.description = description;
  return spec;
}

/** The sub-attributes RFC 7643 gives most multi-valued attributes: value, display, type, primary. */
export function multiValued(name: string, valueType: string, types: string, valueDescription: string): FieldSpec[] {
  return [
    f(`${name}[].value`, valueType, '', valueDescription),
    f(`${name}[].display`, 'string', '', 'Human-readable name, for display. Read-only.'),
    f(`${name}[].type`, 'string', '', types ? `Label of the value's function; canonical values: ${types}.` : "Label of the value's function."),
    f(`${name}[].primary`, 'boolean', '', 'The primary or preferred value; true at most once.'),
  ];
}
