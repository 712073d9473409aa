import { useTranslation } from 'react-i18next';
import type { ConditionField } from './condition-fields.js';
import type { ConditionGroup, ConditionNode } from './condition-tree.js';
import { RuleRow } from './rule-row.js';

/** An AND/OR group with rules, nested groups and raw (code-only) parts. */
export function ConditionBuilder({
  group,
  fields,
  onChange,
  onRemove,
  depth = 0,
}: {
  group: ConditionGroup;
  fields: readonly ConditionField[];
  onChange: (g: ConditionGroup) => void;
  onRemove?: () => void;
  depth?: number;
}) {
  const { t } = useTranslation();
  const setChild = (i: number, node: ConditionNode) =>
    onChange({ ...group, children: group.children.map((c, j) => (j === i ? node : c)) });
  const remove = (i: number) =>
    onChange({ ...group, children: group.children.filter((_, j) => j !== i) });
  const first = fields[0];
  return (
    <div className={`condition-group depth-${depth}`} data-testid="condition-group">
      <div className="group-head">
        <select
          aria-label={t('a11y.groupOp')}
          value={group.op}
          data-testid="group-op"
          onChange={(e) => onChange({ ...group, op: e.target.value as 'and' | 'or' })}
        >
          <option value="and">{t('condition.and')}</option>
          <option value="or">{t('condition.or')}</option>
        </select>
        {onRemove && (
          <button
            type="button"
            className="icon-button"
            onClick={onRemove}
            aria-label={t('inspector.remove')}
          >
            ×
          </button>
        )}
      </div>
      {depth === 0 && group.children.length === 0 && (
        <div className="muted">{t('condition.always')}</div>
      )}
      {group.children.map((child, i) =>
        child.kind === 'rule' ? (
          <RuleRow
            key={i}
            rule={child}
            fields={fields}
            onChange={(r) => setChild(i, r)}
            onRemove={() => remove(i)}
          />
        ) : child.kind === 'group' ? (
          <ConditionBuilder
            key={i}
            group={child}
            fields={fields}
            depth={depth + 1}
            onChange={(g) => setChild(i, g)}
            onRemove={() => remove(i)}
          />
        ) : (
          <div
            key={i}
            className="condition-raw"
            data-testid="condition-raw"
            title={t('condition.raw')}
          >
            <pre>{JSON.stringify(child.logic)}</pre>
            <span className="muted">{t('condition.raw')}</span>
            <button
              type="button"
              className="icon-button"
              onClick={() => remove(i)}
              aria-label={t('inspector.remove')}
            >
              ×
            </button>
          </div>
        ),
      )}
      <div className="group-buttons">
        <button
          type="button"
          data-testid="add-rule"
          onClick={() =>
            onChange({
              ...group,
              children: [
                ...group.children,
                { kind: 'rule', field: first?.key ?? 'title', operator: 'eq', value: '' },
              ],
            })
          }
        >
          {t('condition.addRule')}
        </button>
        <button
          type="button"
          data-testid="add-group"
          onClick={() =>
            onChange({
              ...group,
              children: [
                ...group.children,
                { kind: 'group', op: group.op === 'and' ? 'or' : 'and', children: [] },
              ],
            })
          }
        >
          {t('condition.addGroup')}
        </button>
      </div>
    </div>
  );
}
