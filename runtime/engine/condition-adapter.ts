import jsonLogic from 'json-logic-js';
import { CUSTOM_OPERATIONS } from '../../schemas/index.js';

/**
 * The one place the engine turns JSON-Logic into something it can call. Swapping in
 * `runtime/engine/condition/` (closures compiled once) changes only this file.
 */
export type PreparedCondition = (data: unknown) => unknown;

let registered = false;
function register(): void {
  if (registered) return;
  for (const [name, fn] of Object.entries(CUSTOM_OPERATIONS)) jsonLogic.add_operation(name, fn);
  registered = true;
}

/** Prepares a condition once per published version. */
export function prepare(logic: unknown): PreparedCondition {
  register();
  if (logic === true || logic === false || logic === null || typeof logic !== 'object') {
    return () => logic;
  }
  const rule = logic as jsonLogic.RulesLogic;
  return (data) => jsonLogic.apply(rule, data);
}

/** The `var` paths a condition reads, to record their values in the timeline. */
export function varsOf(logic: unknown): string[] {
  const out = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [op, arg] of Object.entries(node)) {
      if (op === 'var') {
        const path = Array.isArray(arg) ? arg[0] : arg;
        if (typeof path === 'string' || typeof path === 'number') out.add(String(path));
        else walk(arg);
      } else walk(arg);
    }
  };
  walk(logic);
  return [...out];
}

/** Reads a dotted path the way `var` does. */
export function readPath(data: unknown, path: string): unknown {
  if (path === '') return data;
  let cur: unknown = data;
  for (const seg of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return null;
    cur = Object.hasOwn(cur, seg) ? (cur as Record<string, unknown>)[seg] : undefined;
  }
  return cur ?? null;
}
