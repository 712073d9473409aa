import type { FieldType } from '../../../schemas/index.js';

export const OPERATORS = [
  'eq',
  'ne',
  'gt',
  'gte',
  'lt',
  'lte',
  'contains',
  'one_of',
  'before',
  'after',
  'within_next_days',
  'within_last_days',
  'is_true',
  'is_false',
  'is_empty',
  'not_empty',
] as const;
export type Operator = (typeof OPERATORS)[number];

export type ConditionRule = {
  kind: 'rule';
  field: string;
  operator: Operator;
  value?: string | number | boolean | ReadonlyArray<string | number>;
};
/** A piece of JSON-Logic the builder cannot show: kept verbatim, shown as code. */
export type ConditionRaw = { kind: 'raw'; logic: unknown };
export type ConditionGroup = {
  kind: 'group';
  op: 'and' | 'or';
  children: ReadonlyArray<ConditionNode>;
};
export type ConditionNode = ConditionRule | ConditionRaw | ConditionGroup;

/** Operators offered for a field type. */
export function operatorsFor(type: FieldType): readonly Operator[] {
  switch (type) {
    case 'number':
    case 'money':
      return ['eq', 'ne', 'gt', 'gte', 'lt', 'lte', 'is_empty', 'not_empty'];
    case 'date':
    case 'datetime':
      return ['before', 'after', 'within_next_days', 'within_last_days', 'is_empty', 'not_empty'];
    case 'enum':
    case 'user':
      return ['eq', 'ne', 'one_of', 'is_empty', 'not_empty'];
    case 'boolean':
      return ['is_true', 'is_false'];
    default:
      return ['eq', 'ne', 'contains', 'is_empty', 'not_empty'];
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (v: unknown): v is string | number =>
  typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

/** `{"var": "amount"}` -> "amount"; anything else -> null. */
function varPath(v: unknown): string | null {
  if (!isObj(v) || Object.keys(v).length !== 1) return null;
  const p = v.var;
  return typeof p === 'string' && p !== '' ? p : null;
}

function single(logic: Obj): [string, unknown[]] | null {
  const keys = Object.keys(logic);
  const op = keys[0];
  if (keys.length !== 1 || op === undefined) return null;
  const args = logic[op];
  return [op, Array.isArray(args) ? args : [args]];
}

const NOW = { var: '$now' };
const dayDiff = (field: string) => ({ date_diff: [{ var: field }, NOW, 'days'] });
function dayDiffField(v: unknown): string | null {
  if (!isObj(v)) return null;
  const args = v.date_diff;
  if (!Array.isArray(args) || args.length !== 3 || args[2] !== 'days') return null;
  return varPath(args[1]) === '$now' ? varPath(args[0]) : null;
}

const COMPARE: Record<string, Operator> = {
  '==': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'gte',
  '<': 'lt',
  '<=': 'lte',
};

function parseRule(logic: unknown): ConditionRule | null {
  if (!isObj(logic)) return null;
  const s = single(logic);
  if (!s) return null;
  const [op, args] = s;
  if (op === 'is_empty' && args.length === 1) {
    const field = varPath(args[0]);
    return field ? { kind: 'rule', field, operator: 'is_empty' } : null;
  }
  if (op === '!' && args.length === 1) {
    const inner = parseRule(args[0]);
    return inner?.operator === 'is_empty' ? { ...inner, operator: 'not_empty' } : null;
  }
  if (op === 'in' && args.length === 2) {
    const field = varPath(args[1]);
    if (field && typeof args[0] === 'string')
      return { kind: 'rule', field, operator: 'contains', value: args[0] };
    const f2 = varPath(args[0]);
    if (f2 && Array.isArray(args[1]) && args[1].every(isScalar))
      return { kind: 'rule', field: f2, operator: 'one_of', value: args[1] };
    return null;
  }
  if (op === '<=' && args.length === 3) {
    const field = dayDiffField(args[1]);
    if (!field) return null;
    if (args[0] === 0 && typeof args[2] === 'number')
      return { kind: 'rule', field, operator: 'within_next_days', value: args[2] };
    if (args[2] === 0 && typeof args[0] === 'number' && args[0] <= 0)
      return { kind: 'rule', field, operator: 'within_last_days', value: -args[0] };
    return null;
  }
  const cmp = COMPARE[op];
  if (!cmp || args.length !== 2) return null;
  const field = varPath(args[0]);
  const value = args[1];
  if (!field) return null;
  if ((cmp === 'eq' || cmp === 'ne') && typeof value === 'boolean')
    return cmp === 'eq' ? { kind: 'rule', field, operator: value ? 'is_true' : 'is_false' } : null;
  if (!isScalar(value)) return null;
  return { kind: 'rule', field, operator: cmp, value };
}

/** A date rule stored as a plain comparison: the builder shows `<`/`>` on date strings as before/after. */
function asDateRule(
  rule: ConditionRule,
  fieldType: (key: string) => FieldType | undefined,
): ConditionRule {
  const t = fieldType(rule.field);
  if ((t === 'date' || t === 'datetime') && typeof rule.value === 'string') {
    if (rule.operator === 'lt') return { ...rule, operator: 'before' };
    if (rule.operator === 'gt') return { ...rule, operator: 'after' };
  }
  return rule;
}

function parseNode(
  logic: unknown,
  fieldType: (key: string) => FieldType | undefined,
): ConditionNode {
  if (isObj(logic)) {
    const s = single(logic);
    if (s && (s[0] === 'and' || s[0] === 'or') && Array.isArray(logic[s[0]]))
      return {
        kind: 'group',
        op: s[0],
        children: s[1].map((c) => parseNode(c, fieldType)),
      };
  }
  const rule = parseRule(logic);
  return rule ? asDateRule(rule, fieldType) : { kind: 'raw', logic };
}

/**
 * Reads a JSON-Logic condition into the builder's tree. The root is always a group;
 * an absent condition is an empty AND group; whatever the builder cannot show
 * becomes a `raw` node that keeps the exact JSON.
 *
 * @example logicToTree({">": [{"var": "amount"}, 1000000]})
 */
export function logicToTree(
  logic: unknown,
  fieldType: (key: string) => FieldType | undefined = () => undefined,
): ConditionGroup {
  if (logic === undefined || logic === null || logic === true)
    return { kind: 'group', op: 'and', children: [] };
  const node = parseNode(logic, fieldType);
  return node.kind === 'group' ? node : { kind: 'group', op: 'and', children: [node] };
}

function ruleToLogic(rule: ConditionRule): unknown {
  const v = { var: rule.field };
  const value = rule.value ?? '';
  switch (rule.operator) {
    case 'eq':
      return { '==': [v, value] };
    case 'ne':
      return { '!=': [v, value] };
    case 'gt':
    case 'after':
      return { '>': [v, value] };
    case 'gte':
      return { '>=': [v, value] };
    case 'lt':
    case 'before':
      return { '<': [v, value] };
    case 'lte':
      return { '<=': [v, value] };
    case 'contains':
      return { in: [String(value), v] };
    case 'one_of':
      return { in: [v, Array.isArray(value) ? value : [value]] };
    case 'within_next_days':
      return { '<=': [0, dayDiff(rule.field), Number(value)] };
    case 'within_last_days':
      return { '<=': [-Number(value), dayDiff(rule.field), 0] };
    case 'is_true':
      return { '==': [v, true] };
    case 'is_false':
      return { '==': [v, false] };
    case 'is_empty':
      return { is_empty: [v] };
    case 'not_empty':
      return { '!': { is_empty: [v] } };
  }
}

function nodeToLogic(node: ConditionNode): unknown {
  if (node.kind === 'raw') return node.logic;
  if (node.kind === 'rule') return ruleToLogic(node);
  return { [node.op]: node.children.map(nodeToLogic) };
}

/**
 * Writes the builder's tree back as JSON-Logic: an empty root means "no condition"
 * (`undefined`); a root AND with one child is written as that child alone.
 *
 * @example treeToLogic(logicToTree(x)) // deep-equals x for anything the builder reads
 */
export function treeToLogic(root: ConditionGroup): unknown {
  if (root.children.length === 0) return undefined;
  const [only] = root.children;
  if (root.op === 'and' && root.children.length === 1 && only) return nodeToLogic(only);
  return nodeToLogic(root);
}
