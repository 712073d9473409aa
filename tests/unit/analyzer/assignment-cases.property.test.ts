import fc from 'fast-check';
import jsonLogic from 'json-logic-js';
import { describe, expect, it } from 'vitest';
import {
  analyzeAssignmentCases,
  type CaseValue,
  type GapCase,
} from '../../../schemas/analyzer/assignment-cases.js';
import { inInterval } from '../../../schemas/analyzer/numeric-intervals.js';

// Tables over a number `x` and a text `p`, with few distinct literals so rows touch.
const x = { var: 'x' };
const p = { var: 'p' };
const bound = fc.integer({ min: -3, max: 3 });
const word = fc.constantFrom('a', 'b', 'c');
const numeric = fc
  .tuple(fc.constantFrom('>', '>=', '<', '<=', '==', '!='), bound, fc.boolean())
  .map(([o, n, flip]) => ({ [o]: flip ? [n, x] : [x, n] }));
const text = fc.oneof(
  fc.tuple(fc.constantFrom('==', '!=', '===', '!=='), word).map(([o, w]) => ({ [o]: [p, w] })),
  fc.array(word, { minLength: 1, maxLength: 2 }).map((ws) => ({ in: [p, ws] })),
);
const leaf = fc.oneof(numeric, text);
const condition: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: leaf },
  { weight: 2, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((c) => ({ and: c })) },
  { weight: 1, arbitrary: fc.array(leaf, { minLength: 1, maxLength: 3 }).map((c) => ({ or: c })) },
  { weight: 1, arbitrary: leaf.map((c) => ({ '!': c })) },
);
const table = fc.array(condition, { minLength: 1, maxLength: 5 });

const NUMBERS = [-10, -3.5, -3, -2.5, -2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 10];
const WORDS = ['a', 'b', 'c', 'zzz'];

const taken = (rows: readonly unknown[], record: Record<string, unknown>): boolean =>
  rows.some((c) => Boolean(jsonLogic.apply(c as jsonLogic.RulesLogic, record)));

function holds(v: CaseValue | undefined, value: number | string): boolean {
  if (v === undefined) return true; // a field no row names: any value
  if (v.kind === 'interval') return typeof value === 'number' && inInterval(v.interval, value);
  if (v.kind === 'value') return v.value === value;
  return typeof value === 'string' && !v.named.includes(value);
}
const inCase = (c: GapCase, record: { x: number; p: string }): boolean =>
  holds(c.find((g) => g.field === 'x')?.value, record.x) &&
  holds(c.find((g) => g.field === 'p')?.value, record.p);

describe('gap analysis of mixed tables agrees with json-logic-js', () => {
  it('a record lies in a reported gap exactly when no row takes it', () => {
    fc.assert(
      fc.property(table, (rows) => {
        const result = analyzeAssignmentCases(rows, () => undefined);
        expect(result.decided).toBe(true);
        if (!result.decided) return;
        for (const n of NUMBERS)
          for (const w of WORDS) {
            const record = { x: n, p: w };
            const inGap = result.gaps.some((g) => inCase(g, record));
            expect(inGap, JSON.stringify({ rows, record, gaps: result.gaps })).toBe(
              !taken(rows, record),
            );
          }
      }),
      { numRuns: 300 },
    );
  });
});
