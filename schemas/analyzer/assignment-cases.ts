import { normalize, type Interval } from './numeric-intervals.js';

/**
 * Gap analysis of an assignment table whose rows mix fields and kinds of test
 * (`amount > 500000`, `product == "b"`, `amount < 500000`). The record space is cut
 * into finitely many cases: every numeric field into the points and open intervals
 * between the numbers the rows name, every other field into the values the rows
 * name plus "any other value" (an enum field into its options). Each row is then
 * evaluated on one representative of each case, which decides it for the whole case
 * because the row only compares with the numbers and values that cut the space.
 */

/** One field's part of a case: a numeric interval, a named value, or any other value. */
export type CaseValue =
  | { readonly kind: 'interval'; readonly interval: Interval }
  | { readonly kind: 'value'; readonly value: string | boolean }
  | { readonly kind: 'other'; readonly named: readonly (string | boolean)[] };

/** A combination of field values no row takes, in field order of first mention. */
export type GapCase = ReadonlyArray<{ readonly field: string; readonly value: CaseValue }>;

export type CaseAnalysis =
  | { readonly decided: true; readonly fields: readonly string[]; readonly gaps: GapCase[] }
  | {
      readonly decided: false;
      /** Row whose condition is beyond the analysis, or null when the table is too large. */
      readonly rule: number | null;
      readonly reason: string;
    };

/** What the analysis knows of a field: its enum options or that it is a boolean. */
export interface FieldHint {
  readonly options?: readonly string[];
  readonly boolean?: boolean;
}

/** More cases than this is beyond what the designer can afford on every keystroke. */
export const MAX_CASES = 4096;

type Scalar = number | string | boolean;
const OTHER = Symbol('other');
type Sample = number | string | boolean | typeof OTHER;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isCategorical = (v: unknown): v is string | boolean =>
  typeof v === 'string' || typeof v === 'boolean';

const EQUALITY = new Set(['==', '===', '!=', '!==']);
const ORDERING = new Set(['<', '<=', '>', '>=']);

class Beyond extends Error {}

function fieldOf(v: unknown): string | null {
  if (!isPlainObject(v) || Object.keys(v).length !== 1 || !('var' in v)) return null;
  const p = Array.isArray(v.var) ? (v.var.length === 1 ? v.var[0] : undefined) : v.var;
  return typeof p === 'string' && p !== '' ? p : null;
}

/** Field -> what it is compared with, gathered over all rows. */
interface Mentions {
  readonly numbers: Map<string, Set<number>>;
  readonly values: Map<string, Set<string | boolean>>;
  readonly order: string[];
}

function mention(m: Mentions, field: string, value: Scalar): void {
  if (!m.numbers.has(field) && !m.values.has(field)) m.order.push(field);
  if (isNum(value)) {
    if (m.values.has(field)) throw new Beyond(`"${field}" is compared with numbers and text`);
    const set = m.numbers.get(field) ?? new Set<number>();
    set.add(value);
    m.numbers.set(field, set);
  } else {
    if (m.numbers.has(field)) throw new Beyond(`"${field}" is compared with numbers and text`);
    const set = m.values.get(field) ?? new Set<string | boolean>();
    set.add(value);
    m.values.set(field, set);
  }
}

/** Collects the comparisons of a condition; throws Beyond on anything it cannot decide. */
function collect(node: unknown, m: Mentions): void {
  if (typeof node === 'boolean') return;
  if (!isPlainObject(node)) throw new Beyond('it is not a comparison');
  const keys = Object.keys(node);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) throw new Beyond('it is malformed');
  const args = node[op];
  if (op === 'and' || op === 'or') {
    if (!Array.isArray(args) || args.length === 0) throw new Beyond(`"${op}" has no parts`);
    args.forEach((a) => collect(a, m));
    return;
  }
  if (op === '!' || op === '!!') {
    collect(Array.isArray(args) ? args[0] : args, m);
    return;
  }
  if (!Array.isArray(args)) throw new Beyond(`it uses "${op}"`);
  if (op === 'in') {
    const [needle, haystack] = args;
    const field = fieldOf(needle);
    if (field === null || !Array.isArray(haystack) || !haystack.every(isCategorical))
      throw new Beyond('its "in" is not a field among listed values');
    for (const v of haystack) mention(m, field, v);
    return;
  }
  if (EQUALITY.has(op) && args.length === 2) {
    const [a, b] = args;
    const field = fieldOf(a) ?? fieldOf(b);
    const value = fieldOf(a) === null ? a : b;
    if (field === null || !(isNum(value) || isCategorical(value)))
      throw new Beyond(`its "${op}" is not a field compared with a value`);
    mention(m, field, value);
    return;
  }
  if (ORDERING.has(op) && (args.length === 2 || args.length === 3)) {
    const fields = args.map(fieldOf);
    const numbers = args.filter(isNum);
    const field = fields.find((f) => f !== null);
    if (
      field === undefined ||
      field === null ||
      fields.filter((f) => f !== null).length !== 1 ||
      numbers.length !== args.length - 1 ||
      (args.length === 3 && (op === '>' || op === '>=' || fields[1] === null))
    )
      throw new Beyond(`its "${op}" is not a field compared with numbers`);
    for (const n of numbers) mention(m, field, n);
    return;
  }
  throw new Beyond(`it uses "${op}"`);
}

const looseEqual = (x: Sample, y: Scalar): boolean => x !== OTHER && x === y;

/** Evaluates a collected condition on a case's representative values. */
function evaluate(node: unknown, at: ReadonlyMap<string, Sample>): boolean {
  if (typeof node === 'boolean') return node;
  const rec = node as Record<string, unknown>;
  const op = Object.keys(rec)[0] as string;
  const args = rec[op];
  if (op === 'and') return (args as unknown[]).every((a) => evaluate(a, at));
  if (op === 'or') return (args as unknown[]).some((a) => evaluate(a, at));
  if (op === '!') return !evaluate(Array.isArray(args) ? args[0] : args, at);
  if (op === '!!') return evaluate(Array.isArray(args) ? args[0] : args, at);
  const list = args as unknown[];
  if (op === 'in') {
    const x = at.get(fieldOf(list[0]) as string) as Sample;
    return (list[1] as Scalar[]).some((v) => looseEqual(x, v));
  }
  if (EQUALITY.has(op)) {
    const field = (fieldOf(list[0]) ?? fieldOf(list[1])) as string;
    const value = (fieldOf(list[0]) === null ? list[0] : list[1]) as Scalar;
    const eq = looseEqual(at.get(field) as Sample, value);
    return op === '==' || op === '===' ? eq : !eq;
  }
  // Ordering: a field among numbers (either order, or the between form).
  const values = list.map((a) => (fieldOf(a) === null ? (a as number) : at.get(fieldOf(a)!)));
  const cmp = (x: number, y: number): boolean =>
    op === '<' ? x < y : op === '<=' ? x <= y : op === '>' ? x > y : x >= y;
  for (let i = 0; i + 1 < values.length; i += 1)
    if (!cmp(values[i] as number, values[i + 1] as number)) return false;
  return true;
}

/** The points and open intervals the numbers cut the reals into, with a sample of each. */
function numericParts(numbers: ReadonlySet<number>): Array<{ part: CaseValue; sample: number }> {
  const points = [...numbers].sort((a, b) => a - b);
  const out: Array<{ part: CaseValue; sample: number }> = [];
  let lo = -Infinity;
  for (const p of points) {
    const sample = lo === -Infinity ? p - 1 : (lo + p) / 2;
    out.push({ part: { kind: 'interval', interval: open(lo, p) }, sample });
    out.push({ part: { kind: 'interval', interval: point(p) }, sample: p });
    lo = p;
  }
  out.push({ part: { kind: 'interval', interval: open(lo, Infinity) }, sample: lo + 1 });
  return out;
}
const open = (lo: number, hi: number): Interval => ({ lo, loIncl: false, hi, hiIncl: false });
const point = (x: number): Interval => ({ lo: x, loIncl: true, hi: x, hiIncl: true });

function categoricalParts(
  named: ReadonlySet<string | boolean>,
  hint: FieldHint | undefined,
): Array<{ part: CaseValue; sample: Sample }> {
  const known: Array<string | boolean> | undefined = hint?.boolean
    ? [true, false]
    : hint?.options && [...named].every((v) => hint.options?.includes(v as string))
      ? [...hint.options]
      : undefined;
  const values = known ?? [...named];
  const out: Array<{ part: CaseValue; sample: Sample }> = values.map((v) => ({
    part: { kind: 'value', value: v },
    sample: v,
  }));
  if (known === undefined) out.push({ part: { kind: 'other', named: [...named] }, sample: OTHER });
  return out;
}

/**
 * Finds the combinations of values no row of a table takes (first match wins, no
 * `otherwise`). Says `decided: false` with the reason when a row is beyond the
 * analysis (an operation other than comparisons, `in`, `and`, `or`, `!`; a field
 * compared with both numbers and text) or the table has more than MAX_CASES cases.
 * An empty field is not considered.
 *
 * @example analyzeAssignmentCases([{ '>': [{ var: 'amount' }, 5] }, { '==': [{ var: 'product' }, 'b'] }], () => undefined)
 * // decided, gaps: amount up to 5 with product other than "b"
 */
export function analyzeAssignmentCases(
  conditions: readonly unknown[],
  hintOf: (field: string) => FieldHint | undefined,
): CaseAnalysis {
  const m: Mentions = { numbers: new Map(), values: new Map(), order: [] };
  for (let i = 0; i < conditions.length; i += 1) {
    try {
      collect(conditions[i], m);
    } catch (e) {
      if (!(e instanceof Beyond)) throw e;
      return { decided: false, rule: i, reason: e.message };
    }
  }
  const axes = m.order.map((field) => {
    const numbers = m.numbers.get(field);
    const parts = numbers
      ? numericParts(numbers)
      : categoricalParts(m.values.get(field) ?? new Set(), hintOf(field));
    return { field, parts };
  });
  const total = axes.reduce((n, a) => n * a.parts.length, 1);
  if (total > MAX_CASES)
    return {
      decided: false,
      rule: null,
      reason: `its rows combine into ${total} cases (the check looks at up to ${MAX_CASES})`,
    };
  const gaps: GapCase[] = [];
  const at = new Map<string, Sample>();
  const visit = (axis: number, picked: Array<{ field: string; value: CaseValue }>): void => {
    if (axis === axes.length) {
      if (!conditions.some((c) => evaluate(c, at))) gaps.push([...picked]);
      return;
    }
    const { field, parts } = axes[axis]!;
    for (const { part, sample } of parts) {
      at.set(field, sample);
      picked.push({ field, value: part });
      visit(axis + 1, picked);
      picked.pop();
    }
  };
  visit(0, []);
  return { decided: true, fields: m.order, gaps: mergeNumeric(gaps) };
}

/** Joins gap cases that differ only in adjacent intervals of their first numeric field. */
function mergeNumeric(gaps: readonly GapCase[]): GapCase[] {
  const groups = new Map<string, { base: GapCase; index: number; intervals: Interval[] }>();
  for (const [n, gap] of gaps.entries()) {
    const index = gap.findIndex((g) => g.value.kind === 'interval');
    const value = gap[index]?.value;
    const key =
      value?.kind === 'interval'
        ? JSON.stringify(gap.map((g, i) => (i === index ? g.field : g)))
        : `#${n}`;
    const group = groups.get(key);
    if (group && value?.kind === 'interval') group.intervals.push(value.interval);
    else
      groups.set(key, {
        base: gap,
        index,
        intervals: value?.kind === 'interval' ? [value.interval] : [],
      });
  }
  return [...groups.values()].flatMap(({ base, index, intervals }) =>
    index < 0
      ? [base]
      : normalize(intervals).map((interval) =>
          base.map((g, i) =>
            i === index ? { field: g.field, value: { kind: 'interval' as const, interval } } : g,
          ),
        ),
  );
}
