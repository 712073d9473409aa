import { useTranslation } from 'react-i18next';
import type { AssignRule, EntityType, SimpleAssignTarget } from '../../../schemas/index.js';
import { ConditionEditor } from '../condition/condition-editor.js';
import { SimpleTargetEditor } from './simple-target-editor.js';

/**
 * The assign action's rules table: rows "condition -> target", first match wins,
 * and an optional "otherwise" target.
 */
export function AssignRulesTable(props: {
  rules: readonly AssignRule[];
  otherwise: SimpleAssignTarget | undefined;
  entity: EntityType;
  defaultTarget: SimpleAssignTarget;
  onChange: (rules: AssignRule[], otherwise: SimpleAssignTarget | undefined) => void;
}) {
  const { t } = useTranslation();
  const { rules, otherwise } = props;
  const setRow = (i: number, row: AssignRule) =>
    props.onChange(
      rules.map((r, j) => (j === i ? row : r)),
      otherwise,
    );
  const move = (i: number, by: number) => {
    const next = [...rules];
    const [row] = next.splice(i, 1);
    if (row) next.splice(Math.max(0, Math.min(next.length, i + by)), 0, row);
    props.onChange(next, otherwise);
  };
  return (
    <div className="rules-table" data-testid="assign-rules-table">
      <div className="rules-title">{t('assign.rulesTitle')}</div>
      {rules.map((rule, i) => (
        <div className="rules-row" key={i} data-testid={`assign-rule-${i}`}>
          <div className="rules-row-head">
            <strong>
              {i + 1}. {t('assign.when')}
            </strong>
            <span className="row-buttons">
              <button type="button" onClick={() => move(i, -1)} disabled={i === 0}>
                ↑
              </button>
              <button type="button" onClick={() => move(i, 1)} disabled={i === rules.length - 1}>
                ↓
              </button>
              <button
                type="button"
                disabled={rules.length <= 1}
                onClick={() =>
                  props.onChange(
                    rules.filter((_, j) => j !== i),
                    otherwise,
                  )
                }
              >
                {t('inspector.remove')}
              </button>
            </span>
          </div>
          <ConditionEditor
            value={rule.condition}
            entity={props.entity}
            onChange={(condition) => setRow(i, { ...rule, condition: condition ?? true })}
            testId={`assign-rule-${i}-condition`}
          />
          <div className="form-row">
            <label>{t('assign.then')}</label>
            <SimpleTargetEditor
              value={rule.target}
              onChange={(target) => setRow(i, { ...rule, target })}
              testId={`assign-rule-${i}-target`}
            />
          </div>
        </div>
      ))}
      <button
        type="button"
        data-testid="assign-add-rule"
        onClick={() =>
          props.onChange([...rules, { condition: true, target: props.defaultTarget }], otherwise)
        }
      >
        {t('assign.addRow')}
      </button>
      <div className="form-row rules-otherwise">
        <label>{t('assign.otherwise')}</label>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid="assign-otherwise-toggle"
            checked={otherwise !== undefined}
            onChange={(e) =>
              props.onChange([...rules], e.target.checked ? props.defaultTarget : undefined)
            }
          />
        </label>
        {otherwise ? (
          <SimpleTargetEditor
            value={otherwise}
            onChange={(o) => props.onChange([...rules], o)}
            testId="assign-otherwise"
          />
        ) : (
          <span className="muted">{t('assign.noOtherwise')}</span>
        )}
      </div>
    </div>
  );
}
