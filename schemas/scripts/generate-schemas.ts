import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_SCHEMAS } from '../json-schema/documents.js';

// Writes schemas/generated/*.schema.json; a test fails when they drift from the source.
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'generated');
mkdirSync(outDir, { recursive: true });
for (const [name, schema] of Object.entries(GENERATED_SCHEMAS)) {
  writeFileSync(join(outDir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`wrote schemas/generated/${name}`);
}
