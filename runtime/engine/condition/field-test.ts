import { readField, siteOf } from './field-read.js';

type N = number;

/*
 * Every condition shares the closure code of the compiler, so after a few hundred
 * conditions ran, a call from an `and` closure to its operands' closures is
 * megamorphic (V8 keeps one feedback vector per function literal, not per closure)
 * and cannot be inlined. The commonest CRM shape, a field compared with a constant
 * (`amount > 1000`, `city in [...]`), is therefore kept as data, not as a closure:
 * an `and`/`or` of such tests runs them in one loop with one `switch`, so the hot
 * path makes no closure calls at all. Comparisons against a number get their own
 * cases so their operator sites only ever see numbers on that side, and each field
 * name is read at a site of its own (`field-read.ts`), not at one megamorphic one.
 */

const EQ = 0;
const STRICT_EQ = 1;
const NE = 2;
const STRICT_NE = 3;
const GT = 4;
const GE = 5;
const LT = 6;
const LE = 7;
const GT_NUM = 8;
const GE_NUM = 9;
const LT_NUM = 10;
const LE_NUM = 11;
const IN_LIST = 12;

const OP_CODES: Readonly<Record<string, number>> = {
  '==': EQ,
  '===': STRICT_EQ,
  '!=': NE,
  '!==': STRICT_NE,
  '>': GT,
  '>=': GE,
  '<': LT,
  '<=': LE,
};

/** `field OP constant`, read the way `var` with a null default reads. */
export interface FieldTest {
  readonly key: string;
  /** The read site of `key` (`siteOf`). */
  readonly site: number;
  readonly op: number;
  readonly k: unknown;
}

/**
 * The test for a two-operand comparison `{"OP": [{"var": key}, k]}` or for
 * `{"in": [{"var": key}, [list]]}` (`name` "in", `k` the list).
 */
export function fieldTest(name: string, key: string, k: unknown): FieldTest {
  const site = siteOf(key);
  if (name === 'in') return { key, site, op: IN_LIST, k };
  const op = OP_CODES[name] as number;
  const numeric = typeof k === 'number' && op >= GT;
  return { key, site, op: numeric ? op + (GT_NUM - GT) : op, k };
}

/** One test against one record; exactly `field(d, key) OP k`. */
export function passes(d: unknown, t: FieldTest): boolean {
  let v = d === null || d === undefined ? null : readField(d, t.site, t.key);
  if (v === undefined) v = null;
  const k = t.k;
  switch (t.op) {
    case EQ:
      return v == k;
    case STRICT_EQ:
      return v === k;
    case NE:
      return v != k;
    case STRICT_NE:
      return v !== k;
    case GT:
      return (v as N) > (k as N);
    case GE:
      return (v as N) >= (k as N);
    case LT:
      return (v as N) < (k as N);
    case LE:
      return (v as N) <= (k as N);
    case GT_NUM:
      return typeof v === 'number' ? v > (k as N) : (v as N) > (k as N);
    case GE_NUM:
      return typeof v === 'number' ? v >= (k as N) : (v as N) >= (k as N);
    case LT_NUM:
      return typeof v === 'number' ? v < (k as N) : (v as N) < (k as N);
    case LE_NUM:
      return typeof v === 'number' ? v <= (k as N) : (v as N) <= (k as N);
    default:
      return (k as unknown[]).indexOf(v) !== -1;
  }
}

/** A single test as a condition. */
export function testClosure(t: FieldTest): (d: unknown) => boolean {
  return (d) => passes(d, t);
}

/** `and` of tests: false at the first failing one, else true (what `&&` of booleans gives). */
export function allPass(tests: readonly FieldTest[]): (d: unknown) => boolean {
  const n = tests.length;
  return (d) => {
    for (let i = 0; i < n; i++) if (!passes(d, tests[i] as FieldTest)) return false;
    return true;
  };
}

/** `or` of tests: true at the first passing one, else false. */
export function anyPasses(tests: readonly FieldTest[]): (d: unknown) => boolean {
  const n = tests.length;
  return (d) => {
    for (let i = 0; i < n; i++) if (passes(d, tests[i] as FieldTest)) return true;
    return false;
  };
}
