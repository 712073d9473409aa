import type { Diagnostic, Severity } from '../diagnostics.js';
import type { AutomationModel } from '../model/model.js';
import type { AnalysisContext } from './analysis-context.js';

/** A check: a pure function from the model and its lookup tables to findings. */
export type Check = (model: AutomationModel, ctx: AnalysisContext) => Diagnostic[];

/** What a diagnostic's UI template interpolates: the admin's names, numbers, a variant. */
export type DiagnosticParams = Readonly<Record<string, string | number>>;

/**
 * Builds a diagnostic, leaving `nodeId` out when there is no canvas node to badge.
 * `params` feed the designer's `diagnostics.<CODE>` template (the variant's
 * `diagnostics.<CODE>_<variant>` when `params.variant` is set); `message` is the
 * English text for the CLI, the API and any client without templates.
 */
export function diagnostic(
  code: string,
  severity: Severity,
  path: string,
  message: string,
  nodeId?: string,
  params?: DiagnosticParams,
): Diagnostic {
  return {
    code,
    severity,
    path,
    ...(nodeId ? { nodeId } : {}),
    message,
    ...(params ? { params: { ...params } } : {}),
  };
}

function compareSegments(a: string, b: string): number {
  const na = /^\d+$/.test(a) ? Number(a) : NaN;
  const nb = /^\d+$/.test(b) ? Number(b) : NaN;
  if (!Number.isNaN(na) && !Number.isNaN(nb)) return na - nb;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders JSON Pointers segment by segment, array indexes numerically (`/2` before `/10`). */
export function comparePaths(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  const n = Math.min(sa.length, sb.length);
  for (let i = 0; i < n; i += 1) {
    const c = compareSegments(sa[i] as string, sb[i] as string);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}

/**
 * Deterministic order: by path, then code. The sort is stable, so findings at one
 * place keep the order their check gave them (gaps from low to high, say).
 */
export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return list.sort(
    (x, y) => comparePaths(x.path, y.path) || (x.code < y.code ? -1 : x.code > y.code ? 1 : 0),
  );
}
