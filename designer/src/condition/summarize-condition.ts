import type { TFunction } from 'i18next';
import { logicToTree, type ConditionNode } from './condition-tree.js';

const MAX = 60;

/**
 * A condition in a few words for a canvas node: "amount > 1000000 and stage is Paid";
 * parts the builder cannot show read "(code)". Longer than 60 characters it is cut
 * with "…" (the inspector shows it whole).
 *
 * @example summarizeCondition(t, {">": [{"var": "amount"}, 5]}, (k) => k) // 'amount > 5'
 */
export function summarizeCondition(
  t: TFunction,
  logic: unknown,
  fieldLabel: (key: string) => string,
  valueLabel: (field: string, value: unknown) => string = (_f, v) => String(v),
): string {
  const say = (n: ConditionNode): string => {
    if (n.kind === 'raw') return t('condition.rawShort');
    if (n.kind === 'group') {
      const parts = n.children.map(say);
      const joined = parts.join(` ${t(`condition.join.${n.op}`)} `);
      return parts.length > 1 ? `(${joined})` : joined;
    }
    const op = t(`condition.op.${n.operator}`);
    const field = fieldLabel(n.field);
    if (n.value === undefined || n.operator.startsWith('is_') || n.operator === 'not_empty')
      return `${field} ${op}`;
    const value = Array.isArray(n.value)
      ? n.value.map((v) => valueLabel(n.field, v)).join(', ')
      : valueLabel(n.field, n.value);
    return `${field} ${op} ${value}`;
  };
  const root = logicToTree(logic);
  const parts = root.children.map(say);
  const text = parts.join(` ${t(`condition.join.${root.op}`)} `);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}
