import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { compileNode } from '../../../runtime/engine/condition/compile-node.js';
import { ConditionError } from '../../../runtime/engine/condition/condition-error.js';
import { prepareCondition } from '../../../runtime/engine/condition/prepare-condition.js';
import { referenceJsonLogic } from '../../../runtime/engine/condition/reference-json-logic.js';
import { outcomeOf, sameOutcome, showOutcome, type Outcome } from './outcome.js';
import { JSON_LOGIC_JS_DIFFERS_FROM_SUITE, REFUSED_BY_ALLOW_LIST } from './suite-expectations.js';

/** Vendored from json-logic/compat-tables (see its README there for the commit and licence). */
const SUITES = fileURLToPath(new URL('../../fixtures/jsonlogic-suites/', import.meta.url));

/** Files json-logic-js is meant to pass: not val/try/throw/exists/coalesce, not *.extra. */
const SKIPPED = /\.extra\.json$|^(val|try|throw|exists|coalesce)/;

interface SuiteCase {
  readonly description: string;
  readonly rule: unknown;
  readonly data?: unknown;
  readonly result?: unknown;
  readonly error?: unknown;
}

const jsonLogic = referenceJsonLogic();
const files = (JSON.parse(readFileSync(`${SUITES}index.json`, 'utf8')) as string[]).filter(
  (f) => !SKIPPED.test(f),
);
const suites = files.map((file) => ({
  file,
  cases: (JSON.parse(readFileSync(`${SUITES}${file}`, 'utf8')) as unknown[]).filter(
    (c): c is SuiteCase => typeof c === 'object' && c !== null,
  ),
}));

const reference = (c: SuiteCase): Outcome =>
  // The typings want RulesLogic; the suites deliberately hold every kind of value.
  outcomeOf(() => jsonLogic.apply(c.rule as never, c.data));

/** The suite's expectation as an outcome; `{"type": "NaN"}` stands for NaN. */
function expected(c: SuiteCase): Outcome {
  if ('error' in c) return { threw: true };
  const r = c.result as { type?: unknown } | undefined;
  return { threw: false, value: r && typeof r === 'object' && r.type === 'NaN' ? NaN : c.result };
}

const key = (i: number, c: SuiteCase): string => `${i}: ${c.description}`;

describe('JSON Logic conformance suites', () => {
  it('finds the suites and runs a substantial number of cases', () => {
    expect(files).toContain('compatible.json');
    expect(files).toContain('control/if.json');
    expect(files.some((f) => f.startsWith('val'))).toBe(false);
    expect(suites.reduce((n, s) => n + s.cases.length, 0)).toBeGreaterThan(900);
  });

  describe.each(suites)('$file', ({ file, cases }) => {
    it('prepared closures give exactly what jsonLogic.apply gives (refused rules aside)', () => {
      const mismatches: string[] = [];
      const refused: string[] = [];
      cases.forEach((c, i) => {
        const ref = reference(c);
        let prepared: (data: unknown) => unknown;
        try {
          prepared = prepareCondition(c.rule);
        } catch (e) {
          expect(e).toBeInstanceOf(ConditionError);
          refused.push(key(i, c));
          return;
        }
        const ours = outcomeOf(() => prepared(c.data));
        if (!sameOutcome(ours, ref))
          mismatches.push(
            `${key(i, c)}: ours ${showOutcome(ours)}, json-logic-js ${showOutcome(ref)}`,
          );
      });
      expect(mismatches).toEqual([]);
      expect(refused).toEqual(REFUSED_BY_ALLOW_LIST[file] ?? []);
    });

    it('the compiler matches jsonLogic.apply on every case, refused ones included', () => {
      const mismatches: string[] = [];
      cases.forEach((c, i) => {
        const ours = outcomeOf(() => compileNode(c.rule).fn(c.data));
        const ref = reference(c);
        if (!sameOutcome(ours, ref))
          mismatches.push(
            `${key(i, c)}: ours ${showOutcome(ours)}, json-logic-js ${showOutcome(ref)}`,
          );
      });
      expect(mismatches).toEqual([]);
    });

    it('json-logic-js agrees with the suite except the listed known differences', () => {
      const differing = cases.flatMap((c, i) =>
        sameOutcome(reference(c), expected(c)) ? [] : [key(i, c)],
      );
      expect(differing).toEqual(JSON_LOGIC_JS_DIFFERS_FROM_SUITE[file] ?? []);
    });
  });
});
