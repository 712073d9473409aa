import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../../runtime/cli/format-diagnostics.js';
import { analyzeModel, validateModelSchema } from '../../../schemas/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const BROKEN = join(ROOT, 'examples/broken');

interface Expected {
  readonly code: string;
  readonly path: string;
  readonly severity: 'error' | 'warning';
}

const slugs = readdirSync(BROKEN, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();
const read = (slug: string, file: string): unknown =>
  JSON.parse(readFileSync(join(BROKEN, slug, file), 'utf8'));

describe('broken example models of the training course (docs/training.md)', () => {
  it('has at least two, and examples/broken itself is no example the seed or golden test loads', () => {
    expect(slugs.length).toBeGreaterThanOrEqual(2);
    expect(existsSync(join(BROKEN, 'model.json'))).toBe(false);
  });

  describe.each(slugs)('%s', (slug) => {
    const model = read(slug, 'model.json');
    const expected = read(slug, 'expected-diagnostics.json') as Expected[];

    it('is schema-valid: the mistakes are in the logic, not the shape', () => {
      expect(validateModelSchema(model)).toEqual([]);
    });

    it('raises exactly the errors and warnings of expected-diagnostics.json', () => {
      const found = analyzeModel(model)
        .filter((d) => d.severity !== 'info')
        .map(({ code, path, severity }) => ({ code, path, severity }));
      expect(expected.some((d) => d.severity === 'error')).toBe(true);
      expect(found).toEqual(expected);
    });

    it('has a README telling the story of the mistake', () => {
      expect(readFileSync(join(BROKEN, slug, 'README.md'), 'utf8')).toMatch(/## The fix/);
    });

    it('the README and docs/training.md quote the exact lines `conveyor validate` prints', () => {
      const lines = analyzeModel(model)
        .filter((d) => d.severity !== 'info')
        .map(formatDiagnostic);
      const readme = readFileSync(join(BROKEN, slug, 'README.md'), 'utf8');
      const course = readFileSync(join(ROOT, 'docs/training.md'), 'utf8');
      for (const line of lines) {
        expect(readme, slug).toContain(line);
        expect(course, slug).toContain(line);
      }
    });
  });
});
