import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import { findGapsAndOverlaps } from '../../../schemas/analyzer/assignment-coverage.js';
import { inIntervals, numericIntervals } from '../../../schemas/analyzer/numeric-intervals.js';

const x = { var: 'x' };
// Few distinct bounds (halves between -3 and 3) so rules touch and overlap often.
const bound = fc.integer({ min: -6, max: 6 }).map((n) => n / 2);
const op = fc.constantFrom('>', '>=', '<', '<=', '==', '===', '!=', '!==');

const comparison = fc.oneof(
  fc.tuple(op, bound).map(([o, n]) => ({ [o]: [x, n] })),
  fc.tuple(op, bound).map(([o, n]) => ({ [o]: [n, x] })),
);
const between = fc
  .tuple(fc.constantFrom('<', '<='), bound, bound)
  .map(([o, a, b]) => ({ [o]: [Math.min(a, b), x, Math.max(a, b)] }));
const condition: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  { weight: 4, arbitrary: comparison },
  { weight: 2, arbitrary: between },
  {
    weight: 2,
    arbitrary: fc.array(comparison, { minLength: 1, maxLength: 3 }).map((c) => ({ and: c })),
  },
  {
    weight: 1,
    arbitrary: fc.array(comparison, { minLength: 1, maxLength: 3 }).map((c) => ({ or: c })),
  },
);
const table = fc.array(condition, { minLength: 1, maxLength: 6 });

/** Every literal of the conditions, and ±1 and ±0.5 around each. */
function samples(conditions: readonly unknown[]): number[] {
  const literals = new Set<number>();
  const walk = (v: unknown): void => {
    if (typeof v === 'number') literals.add(v);
    else if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(conditions);
  const out = new Set<number>([-1000, 1000, 0.25]);
  for (const n of literals) for (const d of [0, -1, 1, -0.5, 0.5, -0.25, 0.25]) out.add(n + d);
  return [...out];
}

const matches = (c: unknown, v: number): boolean =>
  Boolean(jsonLogic.apply(c as jsonLogic.RulesLogic, { x: v }));

describe('numeric intervals agree with json-logic-js', () => {
  it('a parsed condition holds exactly where jsonLogic.apply is truthy', () => {
    fc.assert(
      fc.property(condition, (c) => {
        const parsed = numericIntervals(c);
        expect(parsed?.field).toBe('x');
        for (const v of samples([c]))
          expect(inIntervals(parsed?.intervals ?? [], v)).toBe(matches(c, v));
      }),
      { numRuns: 400 },
    );
  });

  it('reported gaps are exactly the values no rule takes', () => {
    fc.assert(
      fc.property(table, (conditions) => {
        const { field, gaps } = findGapsAndOverlaps(conditions, false);
        expect(field).toBe('x');
        for (const v of samples(conditions)) {
          const unassigned = !conditions.some((c) => matches(c, v));
          expect(inIntervals(gaps, v), `value ${v}`).toBe(unassigned);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reported overlaps are exactly the values a rule and an earlier rule both take', () => {
    fc.assert(
      fc.property(table, (conditions) => {
        const { overlaps } = findGapsAndOverlaps(conditions, false);
        for (const v of samples(conditions)) {
          const hits = conditions.map((c) => matches(c, v));
          hits.forEach((hit, j) => {
            const shadowed = hit && hits.slice(0, j).some(Boolean);
            const reported = overlaps.find((o) => o.rule === j);
            expect(
              reported !== undefined && inIntervals(reported.intervals, v),
              `rule ${j} at ${v}`,
            ).toBe(shadowed);
            // Every earlier rule that takes the value is named as shadowing it.
            hits.slice(0, j).forEach((earlier, i) => {
              if (earlier && hit) expect(reported?.by).toContain(i);
            });
            if (reported?.whole && hit) expect(shadowed).toBe(true);
          });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('findGapsAndOverlaps', () => {
  it('computes no gaps with an otherwise or a rule that is not a numeric comparison', () => {
    const rules = [{ '>': [x, 10] }, { '==': [{ var: 'product' }, 'a'] }];
    expect(findGapsAndOverlaps(rules, false)).toMatchObject({ field: null, gaps: [] });
    expect(findGapsAndOverlaps([{ '>': [x, 10] }], true)).toMatchObject({ field: null, gaps: [] });
  });

  it('still finds overlaps among the numeric rules of a mixed table', () => {
    const rules = [{ '>': [x, 10] }, { '==': [{ var: 'product' }, 'a'] }, { '>': [x, 20] }];
    const { overlaps } = findGapsAndOverlaps(rules, true);
    expect(overlaps).toEqual([expect.objectContaining({ rule: 2, by: [0], whole: true })]);
  });

  it('ignores numeric rules on different fields when looking for overlaps', () => {
    const rules = [{ '>': [x, 10] }, { '>': [{ var: 'y' }, 10] }];
    expect(findGapsAndOverlaps(rules, false)).toEqual({ field: null, gaps: [], overlaps: [] });
  });
});
