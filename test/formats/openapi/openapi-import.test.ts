import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';
import { importSchemaText } from '../../../src/formats/openapi/openapi-import';
import { goldenImportCases } from '../golden-cases';

describe('importOpenApi / importJsonSchema: golden cases', () => {
  goldenImportCases(fileURLToPath(new URL('./cases', import.meta.url)), ['.yaml', '.yml', '.json'], importSchemaText);
});
