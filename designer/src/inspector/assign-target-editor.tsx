import { useTranslation } from 'react-i18next';
import type { AssignTarget, EntityType, SimpleAssignTarget } from '../../../schemas/index.js';
import { SelectField } from './select-field.js';
import { SimpleTargetEditor } from './simple-target-editor.js';
import { AssignRulesTable } from './assign-rules-table.js';
import { useOptions } from './use-options.js';

/** Any assign target, including the rules table. */
export function AssignTargetEditor({
  value,
  entity,
  onChange,
}: {
  value: AssignTarget;
  entity: EntityType;
  onChange: (t: AssignTarget) => void;
}) {
  const { t } = useTranslation();
  const options = useOptions();
  const fallback: SimpleAssignTarget = { kind: 'user', user: options.users()[0]?.value ?? 'user' };
  return (
    <div className="assign-target">
      <SelectField
        label={t('assign.target')}
        value={value.kind === 'rules' ? 'rules' : 'simple'}
        options={[
          {
            value: 'simple',
            label: `${t('assign.user')} / ${t('assign.queue')} / ${t('assign.random')}`,
          },
          { value: 'rules', label: t('assign.rules') },
        ]}
        onChange={(k) =>
          onChange(
            k === 'rules'
              ? {
                  kind: 'rules',
                  rules: [{ condition: true, target: value.kind === 'rules' ? fallback : value }],
                }
              : value.kind === 'rules'
                ? (value.otherwise ?? fallback)
                : value,
          )
        }
        testId="assign-mode"
      />
      {value.kind === 'rules' ? (
        <AssignRulesTable
          rules={value.rules}
          otherwise={value.otherwise}
          entity={entity}
          defaultTarget={fallback}
          onChange={(rules, otherwise) =>
            onChange(otherwise ? { kind: 'rules', rules, otherwise } : { kind: 'rules', rules })
          }
        />
      ) : (
        <SimpleTargetEditor value={value} onChange={onChange} testId="assign-target" />
      )}
    </div>
  );
}
