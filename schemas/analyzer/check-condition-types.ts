import type { Diagnostic } from '../diagnostics.js';
import { jsonPointer } from '../diagnostics.js';
import type { FieldInfo, AnalysisContext } from './analysis-context.js';
import { diagnostic, type Check, type DiagnosticParams } from './diagnostic.js';
import { fieldName, pipelineName } from './display-names.js';
import { fieldOfVar } from './logic-vars.js';
import { forEachLogic, type LogicSite } from './walk-logic.js';
import { varPathOf } from '../logic/check-logic.js';
import { ITERATING_OPERATIONS } from '../logic/operations.js';

const EQUALITY = new Set(['==', '===', '!=', '!==']);
const ORDERING = new Set(['>', '>=', '<', '<=']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/;

type Literal = string | number | boolean;
const isLiteral = (v: unknown): v is Literal =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The var path an operand reads directly (`{"var": "amount"}`), or null. */
function directVar(operand: unknown): string | null {
  if (!isPlainObject(operand) || !('var' in operand) || Object.keys(operand).length !== 1)
    return null;
  const p = varPathOf(operand.var);
  return typeof p === 'string' ? p : null;
}

interface Mismatch {
  readonly message: string;
  readonly params: DiagnosticParams;
}

/** Why a literal cannot be compared with a field of this type, or null when it can. */
function mismatch(field: FieldInfo, name: string, op: string, value: Literal): Mismatch | null {
  const shown = JSON.stringify(value);
  const params = { field: name, type: field.type, value: shown };
  const base: Mismatch = {
    message: `field "${name}" is a ${field.type} field but is compared with ${shown}`,
    params,
  };
  switch (field.type) {
    case 'number':
    case 'money':
      if (typeof value === 'number') return null;
      if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)))
        return null;
      return base;
    case 'date':
    case 'datetime':
      return typeof value === 'string' && ISO_DATE.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : {
            message: `${base.message}; compare it with an ISO date or a date expression such as {"var": "$now"}`,
            params: { ...params, variant: 'date' },
          };
    case 'enum':
      if (typeof value !== 'string') return base;
      if (ORDERING.has(op))
        return {
          message: `enum field "${name}" has no order; use == or in`,
          params: { variant: 'enumOrder', field: name },
        };
      return field.options && !field.options.has(value)
        ? {
            message: `${shown} is not an option of enum field "${name}" (options: ${[...field.options].join(', ')})`,
            params: {
              variant: 'notOption',
              field: name,
              value: shown,
              options: [...field.options].join(', '),
            },
          }
        : null;
    case 'boolean':
      return typeof value === 'boolean' ? null : base;
    case 'string':
    case 'user':
      return typeof value === 'string' ? null : base;
    default:
      return null;
  }
}

function checkOperands(
  ctx: AnalysisContext,
  site: LogicSite,
  op: string,
  args: unknown[],
  at: string,
  out: Diagnostic[],
): void {
  const vars = args.map(directVar);
  const report = (code: string, path: string, message: string, params: DiagnosticParams): void => {
    out.push(diagnostic(code, 'error', path, message, site.nodeId, params));
  };
  vars.forEach((name) => {
    if (name === null) return;
    args.forEach((value, j) => {
      if (!isLiteral(value)) return;
      const path = `${at}/${j}`;
      if (name === 'stage' && typeof value === 'string' && EQUALITY.has(op)) {
        if (!ctx.pipelines.get(site.pipeline)?.stages.has(value))
          report(
            'UNKNOWN_STAGE',
            path,
            `stage "${value}" is not a stage of pipeline "${pipelineName(ctx, site.pipeline)}"`,
            { stage: value, pipeline: pipelineName(ctx, site.pipeline) },
          );
        return;
      }
      if (name === 'pipeline' && typeof value === 'string' && EQUALITY.has(op)) {
        if (!ctx.pipelines.has(value))
          report('UNKNOWN_PIPELINE', path, `pipeline "${value}" does not exist`, {
            pipeline: value,
          });
        return;
      }
      const key = fieldOfVar(name);
      if (key === null || key !== name) return;
      const field = ctx.fields[site.entity].get(key);
      if (!field || field.multiple) return;
      const why = mismatch(field, fieldName(ctx, site.entity, key), op, value);
      if (why) report('CONDITION_TYPE_MISMATCH', path, why.message, why.params);
    });
  });
}

/** `{"in": [{"var": "product"}, ["a", "b"]]}` and `{"in": ["a", {"var": "tags"}]}` on enum fields. */
function checkIn(
  ctx: AnalysisContext,
  site: LogicSite,
  args: unknown[],
  at: string,
  out: Diagnostic[],
): void {
  const [needle, haystack] = args;
  const enumField = (operand: unknown): FieldInfo | undefined => {
    const name = directVar(operand);
    const f = name === null ? undefined : ctx.fields[site.entity].get(name);
    return f?.type === 'enum' && f.options ? f : undefined;
  };
  const check = (f: FieldInfo, value: unknown, path: string): void => {
    if (!isLiteral(value)) return;
    const why = mismatch(f, fieldName(ctx, site.entity, f.key), '==', value);
    if (why)
      out.push(
        diagnostic('CONDITION_TYPE_MISMATCH', 'error', path, why.message, site.nodeId, why.params),
      );
  };
  const single = enumField(needle);
  if (single && !single.multiple && Array.isArray(haystack))
    haystack.forEach((v, i) => check(single, v, `${at}/1/${i}`));
  const multi = enumField(haystack);
  if (multi?.multiple) check(multi, needle, `${at}/0`);
}

/**
 * A field compared with a literal of the wrong kind never matches as intended:
 * `{">": [{"var": "amount"}, "abc"]}`, a date compared with a number, an enum value
 * that is not among the field's options. Also catches `stage`/`pipeline` compared
 * with keys that do not exist.
 */
export const checkConditionTypes: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  forEachLogic(model, (site) => {
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
      if (op === 'var') return;
      // Later arguments of map/filter/... read the current element, not the record.
      if (ITERATING_OPERATIONS.has(op) && Array.isArray(args)) {
        walk(args[0], `${opAt}/0`);
        return;
      }
      if (Array.isArray(args)) {
        if (EQUALITY.has(op) || ORDERING.has(op)) checkOperands(ctx, site, op, args, opAt, out);
        if (op === 'in') checkIn(ctx, site, args, opAt, out);
      }
      walk(args, opAt);
    };
    walk(site.logic, site.path);
  });
  return out;
};
