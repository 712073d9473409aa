import { useTranslation } from 'react-i18next';
import type { PersonRef } from '../../../schemas/index.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';

/** Responsible / manager / a user / a department. */
export function PersonRefEditor({
  value,
  onChange,
  testId,
}: {
  value: PersonRef;
  onChange: (p: PersonRef) => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const options = useOptions();
  const setKind = (kind: string | undefined) => {
    if (kind === 'responsible' || kind === 'manager') onChange({ kind });
    if (kind === 'user') onChange({ kind, user: options.users()[0]?.value ?? 'user' });
    if (kind === 'department')
      onChange({ kind, department: options.departments()[0]?.value ?? 'department' });
  };
  return (
    <span className="inline-fields">
      <SelectField
        ariaLabel={t('a11y.personKind')}
        value={value.kind}
        options={['responsible', 'manager', 'user', 'department'].map((k) => ({
          value: k,
          label: t(`person.${k}`),
        }))}
        onChange={setKind}
        testId={testId}
      />
      {value.kind === 'user' && (
        <SelectField
          ariaLabel={t('a11y.user')}
          value={value.user}
          options={options.users()}
          onChange={(user) => user && onChange({ kind: 'user', user })}
        />
      )}
      {value.kind === 'department' && (
        <SelectField
          ariaLabel={t('a11y.department')}
          value={value.department}
          options={options.departments()}
          onChange={(department) => department && onChange({ kind: 'department', department })}
        />
      )}
    </span>
  );
}
