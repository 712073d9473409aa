import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareTuples } from '../../../runtime/store/query/compare-tuples.js';
import type { Page } from '../../../runtime/domain/page.js';
import type { SortTuple } from '../../../runtime/store/query/cursor.js';
import { pageOf } from '../../../runtime/store/query/page-of.js';

describe('pageOf', () => {
  it('walks the candidates page by page in the order a full sort gives, whatever their order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.tuple(fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 20 })), fc.nat(500)),
          {
            selector: ([, key]) => key,
            maxLength: 120,
          },
        ),
        fc.integer({ min: 1, max: 30 }),
        fc.constantFrom('asc' as const, 'desc' as const),
        (values, limit, order) => {
          const rows = values.map(([v, key]) => ({
            tuple: [v, `k${String(key).padStart(3, '0')}`] as SortTuple,
            doc: key,
          }));
          const sign = order === 'desc' ? -1 : 1;
          const expected = [...rows]
            .sort((a, b) => sign * compareTuples(a.tuple, b.tuple))
            .map((r) => r.doc);
          const seen: number[] = [];
          let cursor: string | null = null;
          do {
            const page: Page<number> = pageOf(rows, { tag: 't', arity: 2, limit, order, cursor });
            expect(page.items.length).toBeLessThanOrEqual(limit);
            if (page.nextCursor !== null) expect(page.items).toHaveLength(limit);
            seen.push(...page.items);
            cursor = page.nextCursor;
          } while (cursor !== null);
          expect(seen).toEqual(expected);
        },
      ),
      { numRuns: 200 },
    );
  });
});
