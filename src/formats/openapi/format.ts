import type { FormatDescriptor } from '../types';
import { sniffJsonSchema, sniffOpenApi } from './sniff';

/** OpenAPI 3 (YAML or JSON): each schema of `components.schemas` becomes an entity. */
export const openApiFormat: FormatDescriptor = {
  id: 'openapi',
  label: 'OpenAPI 3',
  extensions: ['.yaml', '.yml', '.json'],
  mimeTypes: ['application/yaml', 'application/x-yaml'],
  sniff: sniffOpenApi,
  import: async (text, options) => (await import('./openapi-import')).importOpenApi(text, options),
};

/** JSON Schema (JSON or YAML): the root schema and each of `$defs` / `definitions` become entities. */
export const jsonSchemaFormat: FormatDescriptor = {
  id: 'json-schema',
  label: 'JSON Schema',
  extensions: ['.schema.json', '.json', '.yaml', '.yml'],
  sniff: sniffJsonSchema,
  import: async (text, options) => (await import('./openapi-import')).importJsonSchema(text, options),
};
