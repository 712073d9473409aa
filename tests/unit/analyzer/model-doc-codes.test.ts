import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const read = (path: string): string =>
  readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');
const tableCodes = (text: string): string[] =>
  [...text.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1] as string);

describe('docs/model.md', () => {
  it('explains every diagnostic code the analyzer documents, and no other', () => {
    const analyzer = tableCodes(read('schemas/analyzer/README.md'));
    const doc = tableCodes(read('docs/model.md'));
    expect(analyzer.length).toBeGreaterThan(20);
    expect([...doc].sort()).toEqual([...analyzer].sort());
  });
});
