import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  compileModel,
  stringifyRuleSet,
  type AutomationModel,
} from '../../../schemas/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const EXAMPLES = join(ROOT, 'examples');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const slugs = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(EXAMPLES, d.name, 'model.json')))
  .map((d) => d.name)
  .sort();

describe('example models', () => {
  it('finds the examples', () => {
    expect(slugs).toEqual(expect.arrayContaining(['deal-distribution', 'reaction-time-control']));
  });

  describe.each(slugs)('%s', (slug) => {
    const dir = join(EXAMPLES, slug);
    const model = JSON.parse(readFileSync(join(dir, 'model.json'), 'utf8')) as unknown;

    it('analyzes without errors', () => {
      const errors = analyzeModel(model).filter((d) => d.severity === 'error');
      expect(errors).toEqual([]);
    });

    it('compiles to exactly the committed rules.golden.json', () => {
      const golden = join(dir, 'rules.golden.json');
      const actual = stringifyRuleSet(compileModel(model as AutomationModel));
      if (UPDATE) writeFileSync(golden, actual);
      const expected = existsSync(golden) ? readFileSync(golden, 'utf8') : '';
      const hint =
        `${relative(ROOT, golden)} differs from what the compiler gives now. If the change ` +
        `is intended, review it and rewrite the golden with: UPDATE_GOLDEN=1 npx vitest run tests/unit/examples`;
      expect(actual, hint).toBe(expected);
    });

    it('has a README and sample records of its pipelines', () => {
      expect(existsSync(join(dir, 'README.md'))).toBe(true);
      const records = JSON.parse(readFileSync(join(dir, 'records.json'), 'utf8')) as Array<{
        entity: string;
        pipeline?: string;
        stage?: string;
        fields: Record<string, unknown>;
      }>;
      expect(records.length).toBeGreaterThan(0);
      const m = model as AutomationModel;
      for (const r of records) {
        const pipeline = m.pipelines.find((p) => p.key === r.pipeline);
        expect(pipeline?.entity, `${r.pipeline} pipeline of ${r.entity}`).toBe(r.entity);
        if (r.stage !== undefined) {
          expect(pipeline?.stages.map((s) => s.key)).toContain(r.stage);
        }
      }
    });
  });
});
