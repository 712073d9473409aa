import { ITERATING_OPERATIONS } from '../../../schemas/index.js';

/** Keys json-logic-js would test for `missing`/`missing_some` written as literals. */
function literalKeys(op: string, values: readonly unknown[]): unknown[] {
  if (op === 'missing') return Array.isArray(values[0]) ? values[0] : [...values];
  const options = values[1];
  return Array.isArray(options) ? options : [];
}

function isPathLiteral(p: unknown): p is string | number {
  return (typeof p === 'string' && p !== '') || typeof p === 'number';
}

/**
 * The distinct constant paths a condition reads from the record, in first-use
 * order, so the engine can record a decision's inputs: `var` paths and literal
 * `missing` / `missing_some` keys, in the top-level scope only (inside
 * `map`/`filter`/`reduce`/`all`/`none`/`some` a path names a field of the element).
 * Computed paths are skipped, but the logic that computes them is searched.
 *
 * @example conditionVars({ and: [{ '>': [{ var: 'amount' }, 5] }, { var: ['client.city'] }] })
 * // ['amount', 'client.city']
 */
export function conditionVars(logic: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const op = keys[0] as string;
    const raw = (node as Record<string, unknown>)[op];
    const values: readonly unknown[] = Array.isArray(raw) ? raw : [raw];
    if (op === 'var') {
      if (isPathLiteral(values[0])) out.add(String(values[0]));
      values.forEach(walk);
      return;
    }
    if (op === 'missing' || op === 'missing_some') {
      for (const k of literalKeys(op, values)) if (isPathLiteral(k)) out.add(String(k));
      values.forEach(walk);
      return;
    }
    if (ITERATING_OPERATIONS.has(op)) {
      walk(values[0]);
      if (op === 'reduce') walk(values[2]);
      return;
    }
    values.forEach(walk);
  };
  walk(logic);
  return [...out];
}
