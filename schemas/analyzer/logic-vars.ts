import { jsonPointer } from '../diagnostics.js';
import { ITERATING_OPERATIONS } from '../logic/operations.js';
import { varPathOf } from '../logic/check-logic.js';

/** A data path read by an expression, with the JSON Pointer of the operation reading it. */
export interface VarRef {
  readonly name: string;
  readonly path: string;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Lists the record paths an expression reads (`var`, `missing`, `missing_some`).
 * Inside `map`/`filter`/`some`/... only the first argument reads the record; the
 * others read the current element, so they are skipped.
 *
 * @example logicVars({ '>': [{ var: 'amount' }, 1] }, '/c') // [{ name: 'amount', path: '/c/>/0/var' }]
 */
export function logicVars(logic: unknown, base: string): VarRef[] {
  const out: VarRef[] = [];
  const walk = (node: unknown, at: string): void => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}/${i}`));
      return;
    }
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) return;
    const op = keys[0] as string;
    const args = node[op];
    const opAt = `${at}${jsonPointer(op)}`;
    if (op === 'var') {
      const p = varPathOf(args);
      if (typeof p === 'string' && p !== '') out.push({ name: p, path: opAt });
      else walk(p, Array.isArray(args) ? `${opAt}/0` : opAt);
      return;
    }
    if (op === 'missing') {
      const list = Array.isArray(args) ? args : [args];
      list.forEach((p, i) => {
        if (typeof p === 'string' && p !== '') out.push({ name: p, path: `${opAt}/${i}` });
      });
      return;
    }
    if (op === 'missing_some') {
      const list = Array.isArray(args) && Array.isArray(args[1]) ? args[1] : [];
      list.forEach((p: unknown, i: number) => {
        if (typeof p === 'string' && p !== '') out.push({ name: p, path: `${opAt}/1/${i}` });
      });
      return;
    }
    if (ITERATING_OPERATIONS.has(op) && Array.isArray(args)) {
      walk(args[0], `${opAt}/0`);
      return;
    }
    walk(args, opAt);
  };
  walk(logic, base);
  return out;
}

/** Data every condition sees besides the record's fields (docs/contracts.md). */
export const ALWAYS_AVAILABLE = new Set(['$now', 'id', 'entity', 'pipeline', 'stage']);

/** The record field a var path names, or null for built-ins (`$now`, `$event.*`, `id`, ...). */
export function fieldOfVar(name: string): string | null {
  const head = name.split('.')[0] ?? '';
  if (head === '$event' || ALWAYS_AVAILABLE.has(head)) return null;
  return head;
}
