/*
 * A condition is at most 2,000 nodes (checkLogic), but the iterators (`map`,
 * `filter`, `reduce`, `all`, `none`, `some`) run their inner logic once per element,
 * and `merge`/`cat` inside a `reduce` can double what they build at every step: a
 * 184-byte rule exhausts the heap, four nested `some` over 60 elements take seconds.
 * So every evaluation gets a budget, charged where work or memory can multiply:
 *
 * - operations: each element an iterator visits costs the size (in nodes) of the
 *   logic it runs on it; `in`, `missing`, `missing_some` cost the length they scan;
 * - elements: every array an evaluation builds (`map`, `filter`, `merge`, a literal
 *   list of computed values) costs its size counted through nested arrays, with
 *   repeats (so `[acc, acc]` costs twice `acc`: what stringifying it would cost), and
 *   every string `cat` builds costs its length.
 *
 * Past either limit the evaluation throws `ConditionLimitError`, before the
 * allocation it refuses. Evaluation is synchronous and never re-entrant (a condition
 * never calls another), so the counters are module state reset at each start: no
 * argument threads through the closures, and conditions without iterators pay only
 * the reset.
 */

/** What one evaluation of one condition may spend. */
export interface ConditionLimits {
  /** Inner-logic nodes run by iterators, plus elements scanned by `in`/`missing`. */
  readonly operations: number;
  /** Array elements (through nested arrays, with repeats) and string characters built. */
  readonly elements: number;
  /** Nesting of arrays and objects in a condition's result (it may be stored). */
  readonly resultDepth: number;
}

/**
 * The runtime's limits. A CRM condition over a deal's few hundred line items, even
 * two iterators deep, stays far below them; a runaway one stops within tens of
 * milliseconds.
 */
export const CONDITION_LIMITS: ConditionLimits = {
  operations: 1_000_000,
  elements: 1_000_000,
  resultDepth: 64,
};

export type ConditionLimitKind = 'operations' | 'elements' | 'result';

/** An evaluation went past its budget; the message says which limit and its value. */
export class ConditionLimitError extends Error {
  readonly limit: ConditionLimitKind;

  constructor(limit: ConditionLimitKind, message: string) {
    super(message);
    this.name = 'ConditionLimitError';
    this.limit = limit;
  }
}

// Unlimited until a budget starts, so the compiler used on its own (tests) is unbounded.
let limits: ConditionLimits = {
  operations: Infinity,
  elements: Infinity,
  resultDepth: Infinity,
};
let operationsLeft = Infinity;
let elementsLeft = Infinity;

/** Starts a fresh budget for one evaluation (or one compilation's constant folding). */
export function startBudget(next: ConditionLimits = CONDITION_LIMITS): void {
  limits = next;
  operationsLeft = next.operations;
  elementsLeft = next.elements;
}

/** Spends `n` operations; throws once the evaluation is past its limit. */
export function chargeOperations(n: number): void {
  operationsLeft -= n;
  if (operationsLeft < 0) {
    throw new ConditionLimitError(
      'operations',
      `evaluation stopped: more than ${limits.operations.toLocaleString('en')} operations (the limit of one evaluation)`,
    );
  }
}

/** Spends `n` elements before they are allocated; throws past the limit. */
export function chargeElements(n: number): void {
  elementsLeft -= n;
  if (elementsLeft < 0) {
    throw new ConditionLimitError(
      'elements',
      `evaluation stopped: more than ${limits.elements.toLocaleString('en')} list elements or characters built (the limit of one evaluation)`,
    );
  }
}

// Sizes of the arrays an evaluation built, counted through their nested arrays.
const built = new WeakMap<readonly unknown[], number>();

/**
 * What a value weighs inside a built array: a built array its recorded size, any
 * other array (from the record) its length, a string its length, anything else 1.
 * Objects count 1: only the record's data and `reduce`'s scope are objects, and
 * neither grows by repetition.
 */
export function sizeOf(value: unknown): number {
  if (typeof value === 'string') return value.length;
  if (Array.isArray(value)) return built.get(value) ?? value.length;
  return 1;
}

/** Charges and records the size of an array about to be built from `items`. */
export function chargeArray(items: ArrayLike<unknown>): number {
  let size = items.length;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (Array.isArray(item) || typeof item === 'string') size += sizeOf(item);
  }
  chargeElements(size);
  return size;
}

/** Remembers the size charged for a built array, for arrays built from it. */
export function recordBuilt<T extends readonly unknown[]>(array: T, size: number): T {
  built.set(array, size);
  return array;
}

/**
 * Checks a condition's result before anyone stores or serialises it: nested no
 * deeper than `resultDepth`, and no more elements (with repeats) than the element
 * limit. Stops counting at the limit, so the check itself is bounded.
 */
export function checkResult(value: unknown): void {
  if (typeof value !== 'object' || value === null) return;
  let left = limits.elements;
  const walk = (v: unknown, depth: number): void => {
    if (typeof v !== 'object' || v === null) return;
    if (depth > limits.resultDepth) {
      throw new ConditionLimitError(
        'result',
        `evaluation stopped: the result nests deeper than ${limits.resultDepth} levels`,
      );
    }
    const items: readonly unknown[] = Array.isArray(v) ? v : Object.values(v);
    left -= items.length;
    if (left < 0) {
      throw new ConditionLimitError(
        'result',
        `evaluation stopped: the result holds more than ${limits.elements.toLocaleString('en')} elements`,
      );
    }
    for (let i = 0; i < items.length; i++) walk(items[i], depth + 1);
  };
  walk(value, 1);
}

/** Nodes in a JSON-Logic tree (what running it once costs, roughly). */
export function nodeCount(logic: unknown): number {
  if (Array.isArray(logic)) {
    let n = 1;
    for (const item of logic) n += nodeCount(item);
    return n;
  }
  if (typeof logic !== 'object' || logic === null) return 1;
  let n = 1;
  for (const value of Object.values(logic)) n += nodeCount(value);
  return n;
}

/** Operations whose work or output can grow past the size of the rule and the record. */
const GROWING = new Set([
  'map',
  'filter',
  'reduce',
  'all',
  'none',
  'some',
  'merge',
  'cat',
  'missing',
  'missing_some',
]);

const isLiteral = (v: unknown): boolean =>
  v === null || typeof v !== 'object' || (Array.isArray(v) && v.every(isLiteral));

/**
 * True when no evaluation of `logic` can outgrow the rule and the record: no
 * iterator, no `merge`/`cat`, no `missing` (which runs keys taken from the data as
 * logic), no list literal of computed values and `in` only with a literal list. Each
 * node then runs at most once and none of them charges the budget, so such a
 * condition (the common `amount > 1000 and city in [...]`) runs without the
 * bookkeeping, and a budget left spent by an earlier evaluation cannot touch it.
 *
 * @example isBoundedByItsSize({ in: [{ var: 'city' }, ['Paris', 'Rome']] }) // true
 */
export function isBoundedByItsSize(logic: unknown): boolean {
  if (Array.isArray(logic)) return logic.every((item) => isLiteral(item));
  if (typeof logic !== 'object' || logic === null) return true;
  const keys = Object.keys(logic);
  if (keys.length !== 1) return true;
  const op = keys[0] as string;
  if (GROWING.has(op)) return false;
  const raw = (logic as Record<string, unknown>)[op];
  const operands: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
  // Only a literal list takes the inline path that charges nothing.
  if (op === 'in' && !(Array.isArray(operands[1]) && isLiteral(operands[1]))) return false;
  return operands.every((o) => isBoundedByItsSize(o));
}
