import { describe, expect, it } from 'vitest';
import { analyzeModel } from '../../../schemas/index.js';
import { validModel } from './fixtures/valid-model.js';
import { ROWS } from './fixtures/one-mistake-rows.js';

describe('analyzeModel on models with one mistake', () => {
  it.each(ROWS)('$name -> $code at $path', ({ mutate, code, path, says }) => {
    const model = validModel();
    mutate(model);
    const found = analyzeModel(model).filter((d) => d.code === code);
    expect(found.map((d) => d.path)).toContain(path);
    if (says)
      expect(
        found
          .filter((d) => d.path === path)
          .map((d) => d.message)
          .join('\n'),
      ).toContain(says);
  });

  it('has a row for every documented code', async () => {
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(
      new URL('../../../schemas/analyzer/README.md', import.meta.url),
      'utf8',
    );
    const documented = [...readme.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(20);
    const covered = new Set(ROWS.map((r) => r.code));
    expect(documented.filter((c) => !covered.has(c as string))).toEqual([]);
    expect([...covered].filter((c) => !documented.includes(c))).toEqual([]);
  });
});
