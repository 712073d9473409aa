/** A set of reals between two bounds; `lo`/`hi` may be -Infinity/Infinity (then open). */
export interface Interval {
  readonly lo: number;
  readonly loIncl: boolean;
  readonly hi: number;
  readonly hiIncl: boolean;
}

/** A condition that is a numeric constraint on one field: the union of `intervals`. */
export interface NumericCondition {
  readonly field: string;
  /** Sorted, disjoint, non-empty intervals. */
  readonly intervals: readonly Interval[];
}

const ALL: Interval = { lo: -Infinity, loIncl: false, hi: Infinity, hiIncl: false };

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function isEmptyInterval(i: Interval): boolean {
  return i.lo > i.hi || (i.lo === i.hi && !(i.loIncl && i.hiIncl));
}

/** Whether `x` lies in the interval. */
export function inInterval(i: Interval, x: number): boolean {
  return (i.loIncl ? x >= i.lo : x > i.lo) && (i.hiIncl ? x <= i.hi : x < i.hi);
}

/** Whether `x` lies in one of the intervals. */
export function inIntervals(list: readonly Interval[], x: number): boolean {
  return list.some((i) => inInterval(i, x));
}

function intersectOne(a: Interval, b: Interval): Interval | null {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  const loIncl = (a.lo !== lo || a.loIncl) && (b.lo !== lo || b.loIncl);
  const hiIncl = (a.hi !== hi || a.hiIncl) && (b.hi !== hi || b.hiIncl);
  const out = { lo, loIncl, hi, hiIncl };
  return isEmptyInterval(out) ? null : out;
}

/** Sorts and merges intervals into the canonical disjoint form. */
export function normalize(list: readonly Interval[]): Interval[] {
  const sorted = list
    .filter((i) => !isEmptyInterval(i))
    .sort((a, b) => a.lo - b.lo || (a.loIncl === b.loIncl ? 0 : a.loIncl ? -1 : 1));
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    // Touching intervals merge when the shared end point belongs to one of them.
    if (last && (i.lo < last.hi || (i.lo === last.hi && (i.loIncl || last.hiIncl)))) {
      if (i.hi > last.hi || (i.hi === last.hi && i.hiIncl && !last.hiIncl))
        out[out.length - 1] = { lo: last.lo, loIncl: last.loIncl, hi: i.hi, hiIncl: i.hiIncl };
    } else out.push(i);
  }
  return out;
}

/** Intersection of two unions of intervals, normalized. */
export function intersectIntervals(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  for (const x of a)
    for (const y of b) {
      const i = intersectOne(x, y);
      if (i) out.push(i);
    }
  return normalize(out);
}

/** The reals not covered by the (normalized) intervals. */
export function complement(list: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let lo = -Infinity;
  let loIncl = false;
  for (const i of normalize(list)) {
    out.push({ lo, loIncl, hi: i.lo, hiIncl: !i.loIncl });
    lo = i.hi;
    loIncl = !i.hiIncl;
  }
  out.push({ lo, loIncl, hi: Infinity, hiIncl: false });
  return normalize(out);
}

/** The field a `var` operand reads (no default value), or null. */
function varName(v: unknown): string | null {
  if (!isPlainObject(v) || Object.keys(v).length !== 1 || !('var' in v)) return null;
  const p = Array.isArray(v.var) ? (v.var.length === 1 ? v.var[0] : undefined) : v.var;
  return typeof p === 'string' && p !== '' ? p : null;
}

/** `x op n` as intervals. */
function compare(op: string, n: number): Interval[] | null {
  switch (op) {
    case '>':
      return [{ lo: n, loIncl: false, hi: Infinity, hiIncl: false }];
    case '>=':
      return [{ lo: n, loIncl: true, hi: Infinity, hiIncl: false }];
    case '<':
      return [{ lo: -Infinity, loIncl: false, hi: n, hiIncl: false }];
    case '<=':
      return [{ lo: -Infinity, loIncl: false, hi: n, hiIncl: true }];
    case '==':
    case '===':
      return [{ lo: n, loIncl: true, hi: n, hiIncl: true }];
    case '!=':
    case '!==':
      return complement([{ lo: n, loIncl: true, hi: n, hiIncl: true }]);
    default:
      return null;
  }
}

const FLIP: Readonly<Record<string, string>> = {
  '>': '<',
  '>=': '<=',
  '<': '>',
  '<=': '>=',
  '==': '==',
  '===': '===',
  '!=': '!=',
  '!==': '!==',
};

/**
 * Reads a condition that constrains one numeric field with number literals:
 * comparisons (`>`, `>=`, `<`, `<=`, `==`, `===`, `!=`, `!==`, either operand order),
 * the "between" forms `{"<": [a, {"var": f}, b]}` / `<=`, and `and` / `or` of such
 * on the same field. Anything else gives null. Meaning follows json-logic-js for
 * numeric field values.
 *
 * @example numericIntervals({ '>': [{ var: 'amount' }, 1000000] })
 * // { field: 'amount', intervals: [{ lo: 1000000, loIncl: false, hi: Infinity, hiIncl: false }] }
 */
export function numericIntervals(condition: unknown): NumericCondition | null {
  if (!isPlainObject(condition)) return null;
  const keys = Object.keys(condition);
  if (keys.length !== 1) return null;
  const op = keys[0] as string;
  const args = condition[op];
  if (!Array.isArray(args)) return null;
  if (op === 'and' || op === 'or') {
    if (args.length === 0) return null;
    const parts = args.map(numericIntervals);
    const field = parts[0]?.field;
    if (parts.some((p) => p === null || p.field !== field) || field === undefined) return null;
    const lists = (parts as NumericCondition[]).map((p) => p.intervals);
    const intervals =
      op === 'and'
        ? lists.reduce<Interval[]>((acc, l) => intersectIntervals(acc, l), [ALL])
        : normalize(lists.flat());
    return { field, intervals };
  }
  if (!(op in FLIP)) return null;
  if (args.length === 3 && (op === '<' || op === '<=')) {
    const [a, v, b] = args;
    const field = varName(v);
    if (field === null || !isNum(a) || !isNum(b)) return null;
    const incl = op === '<=';
    return { field, intervals: normalize([{ lo: a, loIncl: incl, hi: b, hiIncl: incl }]) };
  }
  if (args.length !== 2) return null;
  const [a, b] = args;
  const left = varName(a);
  const right = varName(b);
  if (left !== null && isNum(b)) {
    const intervals = compare(op, b);
    return intervals ? { field: left, intervals: normalize(intervals) } : null;
  }
  if (right !== null && isNum(a)) {
    const intervals = compare(FLIP[op] as string, a);
    return intervals ? { field: right, intervals: normalize(intervals) } : null;
  }
  return null;
}
