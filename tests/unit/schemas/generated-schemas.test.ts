import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED_SCHEMAS } from '../../../schemas/index.js';

describe('generated JSON Schemas', () => {
  it.each(Object.keys(GENERATED_SCHEMAS))(
    '%s matches its TypeBox source (run npm run schemas:generate)',
    (name) => {
      const committed: unknown = JSON.parse(
        readFileSync(new URL(`../../../schemas/generated/${name}`, import.meta.url), 'utf8'),
      );
      expect(committed).toEqual(GENERATED_SCHEMAS[name]);
    },
  );
});
