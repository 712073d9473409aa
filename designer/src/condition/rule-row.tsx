import { useTranslation } from 'react-i18next';
import type { ConditionField } from './condition-fields.js';
import { operatorsFor, type ConditionRule, type Operator } from './condition-tree.js';

const NO_VALUE: ReadonlySet<Operator> = new Set(['is_true', 'is_false', 'is_empty', 'not_empty']);

function ValueInput({
  rule,
  field,
  onChange,
}: {
  rule: ConditionRule;
  field: ConditionField | undefined;
  onChange: (r: ConditionRule) => void;
}) {
  const { t } = useTranslation();
  const label = t('a11y.ruleValue');
  const type = field?.type ?? 'string';
  if (NO_VALUE.has(rule.operator)) return null;
  if (rule.operator === 'one_of') {
    const values = Array.isArray(rule.value) ? rule.value.map(String) : [];
    if (field?.options)
      return (
        <span className="checkbox-list">
          {field.options.map((o) => (
            <label key={o.key} className="checkbox">
              <input
                type="checkbox"
                checked={values.includes(o.key)}
                onChange={(e) =>
                  onChange({
                    ...rule,
                    value: e.target.checked
                      ? [...values, o.key]
                      : values.filter((v) => v !== o.key),
                  })
                }
              />
              {o.label}
            </label>
          ))}
        </span>
      );
    return (
      <input
        value={values.join(', ')}
        aria-label={label}
        data-testid="rule-value"
        onChange={(e) =>
          onChange({
            ...rule,
            value: e.target.value
              .split(',')
              .map((s) => s.trim())
              .filter(Boolean),
          })
        }
      />
    );
  }
  if (field?.options && (rule.operator === 'eq' || rule.operator === 'ne'))
    return (
      <select
        value={String(rule.value ?? '')}
        aria-label={label}
        data-testid="rule-value"
        onChange={(e) => onChange({ ...rule, value: e.target.value })}
      >
        <option value="" />
        {field.options.map((o) => (
          <option key={o.key} value={o.key}>
            {o.label}
          </option>
        ))}
      </select>
    );
  const numeric =
    type === 'number' ||
    type === 'money' ||
    rule.operator === 'within_next_days' ||
    rule.operator === 'within_last_days';
  const date = !numeric && (type === 'date' || type === 'datetime');
  return (
    <input
      type={numeric ? 'number' : date ? 'date' : 'text'}
      value={String(rule.value ?? '')}
      aria-label={label}
      data-testid="rule-value"
      onChange={(e) =>
        onChange({
          ...rule,
          value: numeric && e.target.value !== '' ? Number(e.target.value) : e.target.value,
        })
      }
    />
  );
}

/** One "field operator value" row of the condition builder. */
export function RuleRow({
  rule,
  fields,
  onChange,
  onRemove,
}: {
  rule: ConditionRule;
  fields: readonly ConditionField[];
  onChange: (r: ConditionRule) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const field = fields.find((f) => f.key === rule.field);
  const operators = operatorsFor(field?.type ?? 'string');
  return (
    <div className="rule-row" data-testid="condition-rule">
      <select
        value={rule.field}
        aria-label={t('a11y.ruleField')}
        data-testid="rule-field"
        onChange={(e) => {
          const next = fields.find((f) => f.key === e.target.value);
          const ops = operatorsFor(next?.type ?? 'string');
          const operator = ops.includes(rule.operator) ? rule.operator : (ops[0] ?? 'eq');
          onChange({ kind: 'rule', field: e.target.value, operator, value: '' });
        }}
      >
        {!field && <option value={rule.field}>{rule.field}</option>}
        {fields.map((f) => (
          <option key={f.key} value={f.key}>
            {f.label}
          </option>
        ))}
      </select>
      <select
        value={rule.operator}
        aria-label={t('a11y.ruleOperator')}
        data-testid="rule-operator"
        onChange={(e) => onChange({ ...rule, operator: e.target.value as Operator })}
      >
        {operators.map((o) => (
          <option key={o} value={o}>
            {t(`condition.op.${o}`)}
          </option>
        ))}
      </select>
      <ValueInput rule={rule} field={field} onChange={onChange} />
      <button
        type="button"
        className="icon-button"
        onClick={onRemove}
        aria-label={t('inspector.remove')}
      >
        ×
      </button>
    </div>
  );
}
