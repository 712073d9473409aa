import { useTranslation } from 'react-i18next';
import type { SimpleAssignTarget } from '../../../schemas/index.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';

/** A user, a queue in turn, or a random user (of a list or a department). */
export function SimpleTargetEditor({
  value,
  onChange,
  testId,
}: {
  value: SimpleAssignTarget;
  onChange: (t: SimpleAssignTarget) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const options = useOptions();
  const setKind = (kind: string | undefined) => {
    if (kind === 'user') onChange({ kind, user: options.users()[0]?.value ?? 'user' });
    if (kind === 'queue') onChange({ kind, queue: options.queues()[0]?.value ?? 'queue' });
    if (kind === 'random') onChange({ kind, users: [] });
  };
  return (
    <span className="inline-fields">
      <SelectField
        ariaLabel={t('a11y.assignKind')}
        value={value.kind}
        options={['user', 'queue', 'random'].map((k) => ({ value: k, label: t(`assign.${k}`) }))}
        onChange={setKind}
        testId={testId ? `${testId}-kind` : undefined}
      />
      {value.kind === 'user' && (
        <SelectField
          ariaLabel={t('a11y.user')}
          value={value.user}
          options={options.users()}
          onChange={(user) => user && onChange({ kind: 'user', user })}
          testId={testId ? `${testId}-user` : undefined}
        />
      )}
      {value.kind === 'queue' && (
        <SelectField
          ariaLabel={t('a11y.queue')}
          value={value.queue}
          options={options.queues()}
          onChange={(queue) => queue && onChange({ kind: 'queue', queue })}
          testId={testId ? `${testId}-queue` : undefined}
        />
      )}
      {value.kind === 'random' && (
        <span className="checkbox-list">
          {options.users().map((u) => (
            <label key={u.value} className="checkbox">
              <input
                type="checkbox"
                checked={value.users?.includes(u.value) ?? false}
                onChange={(e) => {
                  const users = new Set(value.users ?? []);
                  if (e.target.checked) users.add(u.value);
                  else users.delete(u.value);
                  onChange({ ...value, users: [...users] });
                }}
              />
              {u.label}
            </label>
          ))}
        </span>
      )}
    </span>
  );
}
