import type { Diagnostic } from '../diagnostics.js';
import { jsonPointer } from '../diagnostics.js';
import {
  ALLOWED_OPERATIONS,
  FORBIDDEN_PATH_SEGMENTS,
  MAX_LOGIC_DEPTH,
  MAX_LOGIC_NODES,
} from './operations.js';

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Segments of a `var` / `missing` path; numbers index arrays. */
export function varPathSegments(path: unknown): string[] {
  if (typeof path === 'number') return [String(path)];
  if (typeof path !== 'string' || path === '') return [];
  return path.split('.');
}

/** The path operand of a `var`: `"amount"`, `["amount", 0]` or `"amount"` in `{"var": "amount"}`. */
export function varPathOf(args: unknown): unknown {
  return Array.isArray(args) ? args[0] : args;
}

export interface CheckLogicOptions {
  /** JSON Pointer of the expression inside its document, for diagnostics. */
  readonly path?: string;
  readonly nodeId?: string;
}

/**
 * Rules are untrusted input: accepts only allow-listed operations, `var` paths that
 * cannot reach `__proto__`/`constructor`/`prototype`, and bounded depth and size.
 * Returns diagnostics (empty when the expression is safe to evaluate).
 *
 * @example checkLogic({ '>': [{ var: 'amount' }, 1000000] }) // []
 */
export function checkLogic(logic: unknown, options: CheckLogicOptions = {}): Diagnostic[] {
  const base = options.path ?? '';
  const out: Diagnostic[] = [];
  let nodes = 0;
  const report = (
    code: string,
    at: string,
    message: string,
    params: Record<string, string | number>,
  ): void => {
    out.push({
      code,
      severity: 'error',
      path: at || '/',
      message,
      ...(options.nodeId ? { nodeId: options.nodeId } : {}),
      params,
    });
  };

  const walk = (node: unknown, at: string, depth: number): void => {
    nodes += 1;
    if (nodes === MAX_LOGIC_NODES + 1)
      report('LOGIC_TOO_LARGE', base, `condition has more than ${MAX_LOGIC_NODES} nodes`, {
        limit: MAX_LOGIC_NODES,
      });
    if (nodes > MAX_LOGIC_NODES) return;
    if (depth > MAX_LOGIC_DEPTH) {
      report('LOGIC_TOO_DEEP', at, `condition nests deeper than ${MAX_LOGIC_DEPTH} levels`, {
        limit: MAX_LOGIC_DEPTH,
      });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, `${at}${jsonPointer(i)}`, depth + 1));
      return;
    }
    if (!isPlainObject(node)) return;
    const keys = Object.keys(node);
    if (keys.length !== 1) {
      report(
        'LOGIC_MALFORMED',
        at,
        `an operation is an object with exactly one key, found ${keys.length}`,
        { count: keys.length },
      );
      return;
    }
    const op = keys[0] as string;
    const args = node[op];
    const opAt = `${at}${jsonPointer(op)}`;
    if (!ALLOWED_OPERATIONS.has(op)) {
      report('LOGIC_UNKNOWN_OPERATION', opAt, `operation "${op}" is not allowed`, {
        operation: op,
      });
      return;
    }
    if (op === 'var' || op === 'missing' || op === 'missing_some') {
      const paths =
        op === 'var'
          ? [varPathOf(args)]
          : op === 'missing'
            ? Array.isArray(args)
              ? args
              : [args]
            : Array.isArray(args)
              ? Array.isArray(args[1])
                ? args[1]
                : []
              : [];
      for (const p of paths) {
        const bad = varPathSegments(p).find((s) => FORBIDDEN_PATH_SEGMENTS.has(s));
        if (bad)
          report('LOGIC_UNSAFE_PATH', opAt, `path "${String(p)}" may not use "${bad}"`, {
            varPath: String(p),
            segment: bad,
          });
      }
    }
    walk(args, opAt, depth + 1);
  };

  walk(logic, base, 0);
  return out;
}
