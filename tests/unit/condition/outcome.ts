import { isDeepStrictEqual } from 'node:util';

/** What evaluating a rule did: a value, or a throw. */
export type Outcome = { readonly threw: false; readonly value: unknown } | { readonly threw: true };

/** Runs `f`, capturing a throw as an outcome instead of propagating it. */
export function outcomeOf(f: () => unknown): Outcome {
  try {
    return { threw: false, value: f() };
  } catch {
    return { threw: true };
  }
}

/**
 * Identical outcomes: both threw, or both returned deep-strict-equal values
 * (NaN equals NaN; -0 differs from +0, so numeric quirks must match too).
 */
export function sameOutcome(a: Outcome, b: Outcome): boolean {
  if (a.threw || b.threw) return a.threw === b.threw;
  return isDeepStrictEqual(a.value, b.value);
}

/** A readable rendering for failure messages (NaN, undefined and -0 survive). */
export function showOutcome(o: Outcome): string {
  if (o.threw) return 'throws';
  const v = o.value;
  if (typeof v === 'number' && (Number.isNaN(v) || Object.is(v, -0)))
    return String(Object.is(v, -0) ? '-0' : v);
  return v === undefined ? 'undefined' : JSON.stringify(v);
}
