// Kept apart from the importer so a registry can sniff without loading the importer.

/** How sure we are that `text` is an OpenAPI document: 0 no, 1 sure. */
export function sniffOpenApi(text: string, fileName?: string): number {
  const head = text.slice(0, 4000);
  const ext = /\.(ya?ml|json)$/i.test(fileName ?? '');
  // A key at the start of a line (YAML, pretty JSON), or quoted anywhere (minified JSON).
  if (/^\s*["']?(openapi|swagger)["']?\s*:\s*["']?\d/m.test(head) || /"(openapi|swagger)"\s*:\s*"\d/.test(head)) return ext || !fileName ? 1 : 0.8;
  if (/\.(openapi|swagger)\.(ya?ml|json)$/i.test(fileName ?? '')) return 0.9;
  return 0;
}

/** How sure we are that `text` is a JSON Schema: 0 no, 1 sure. */
export function sniffJsonSchema(text: string, fileName?: string): number {
  if (/\.crosswalk\.json$/i.test(fileName ?? '') || sniffOpenApi(text, fileName) >= 0.8) return 0;
  const head = text.slice(0, 4000);
  if (/"format"\s*:\s*"crosswalk"/.test(head)) return 0;
  if (/\.schema\.(json|ya?ml)$/i.test(fileName ?? '')) return 0.9;
  if (/["']?\$schema["']?\s*:\s*["']?https?:\/\/json-schema\.org/.test(head)) return 1;
  if (/^\s*["']?(\$defs|definitions)["']?\s*:/m.test(head) || /"(\$defs|definitions)"\s*:/.test(head)) return 0.7;
  if ((/^\s*["']?properties["']?\s*:/m.test(head) || /"properties"\s*:/.test(head)) && /["']?type["']?\s*:\s*["']?object/.test(head)) return 0.5;
  return 0;
}
