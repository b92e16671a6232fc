import { describe } from 'vitest';
import { fileURLToPath } from 'node:url';
import { importDbml } from '../../../src/formats/dbml/dbml-import';
import { goldenImportCases } from '../golden-cases';

describe('importDbml: golden cases', () => {
  goldenImportCases(fileURLToPath(new URL('./cases', import.meta.url)), ['.dbml'], importDbml);
});
