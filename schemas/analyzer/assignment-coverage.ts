import {
  intersectIntervals,
  complement,
  normalize,
  numericIntervals,
  type Interval,
  type NumericCondition,
} from './numeric-intervals.js';

/** Part of a rule that an earlier rule always takes first (first match wins). */
export interface Shadowing {
  /** Index of the shadowed rule. */
  readonly rule: number;
  /** Earlier rules whose values intersect it. */
  readonly by: readonly number[];
  readonly intervals: readonly Interval[];
  /** The rule can never fire. */
  readonly whole: boolean;
}

export interface AssignmentCoverage {
  /** The one field gaps are computed over, or null when gaps were not computed. */
  readonly field: string | null;
  /** Values no rule takes; empty when gaps were not computed. */
  readonly gaps: readonly Interval[];
  readonly overlaps: readonly Shadowing[];
}

/**
 * Gaps and overlaps of an assignment table whose rules (conditions, in order) are
 * numeric constraints on a field. Gaps are computed only when there is no
 * `otherwise` and every rule is such a constraint on one and the same field (else
 * other rules may cover the values). Overlaps are computed between the simple rules
 * of each field, whatever the other rules are.
 *
 * @example findGapsAndOverlaps([{ '<': [{ var: 'a' }, 10] }, { '>': [{ var: 'a' }, 10] }], false).gaps
 * // [{ lo: 10, loIncl: true, hi: 10, hiIncl: true }]
 */
export function findGapsAndOverlaps(
  conditions: readonly unknown[],
  hasOtherwise: boolean,
): AssignmentCoverage {
  const parsed: Array<NumericCondition | null> = conditions.map(numericIntervals);
  const overlaps: Shadowing[] = [];
  // Running union of the earlier rules, per field.
  const covered = new Map<string, Interval[]>();
  parsed.forEach((p, j) => {
    if (!p) return;
    const before = covered.get(p.field) ?? [];
    const shadowed = intersectIntervals(p.intervals, before);
    if (shadowed.length > 0) {
      const by: number[] = [];
      parsed.forEach((q, i) => {
        if (
          i < j &&
          q?.field === p.field &&
          intersectIntervals(q.intervals, p.intervals).length > 0
        )
          by.push(i);
      });
      const rest = intersectIntervals(p.intervals, complement(shadowed));
      overlaps.push({ rule: j, by, intervals: shadowed, whole: rest.length === 0 });
    }
    covered.set(p.field, normalize([...before, ...p.intervals]));
  });
  const field = parsed[0]?.field;
  const gapsComputed =
    !hasOtherwise && field !== undefined && parsed.every((p) => p !== null && p.field === field);
  return {
    field: gapsComputed ? field : null,
    gaps: gapsComputed ? complement(covered.get(field) ?? []) : [],
    overlaps,
  };
}

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** Plain English for an interval of a field: "exactly 1,000,000", "above 10", ... */
export function describeInterval(i: Interval): string {
  const f = (n: number): string => NUMBER.format(n);
  if (i.lo === -Infinity && i.hi === Infinity) return 'any value';
  if (i.lo === i.hi) return `exactly ${f(i.lo)}`;
  if (i.lo === -Infinity) return i.hiIncl ? `${f(i.hi)} or less` : `below ${f(i.hi)}`;
  if (i.hi === Infinity) return i.loIncl ? `${f(i.lo)} or more` : `above ${f(i.lo)}`;
  if (i.loIncl && i.hiIncl) return `from ${f(i.lo)} to ${f(i.hi)}`;
  if (i.loIncl) return `from ${f(i.lo)} to below ${f(i.hi)}`;
  if (i.hiIncl) return `above ${f(i.lo)} up to ${f(i.hi)}`;
  return `above ${f(i.lo)} and below ${f(i.hi)}`;
}

/** Several intervals in one phrase. */
export function describeIntervals(list: readonly Interval[]): string {
  return list.map(describeInterval).join(', ');
}
