import { useTranslation } from 'react-i18next';
import type { Addressee, EntityType } from '../../../schemas/index.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';

const KINDS = ['client', 'responsible', 'manager', 'user', 'address', 'field'] as const;

/** Who an email or a message goes to. */
export function AddresseeEditor({
  value,
  entity,
  onChange,
}: {
  value: Addressee;
  entity: EntityType;
  onChange: (a: Addressee) => void;
}) {
  const { t } = useTranslation();
  const o = useOptions();
  const setKind = (k: string | undefined) => {
    if (k === 'client' || k === 'responsible' || k === 'manager') onChange({ kind: k });
    if (k === 'user') onChange({ kind: k, user: o.users()[0]?.value ?? 'user' });
    if (k === 'address') onChange({ kind: k, address: 'client@example.com' });
    if (k === 'field') onChange({ kind: k, field: 'email' });
  };
  return (
    <div className="form-row">
      <label>{t('inspector.to')}</label>
      <span className="inline-fields">
        <SelectField
          ariaLabel={t('a11y.recipientKind')}
          value={value.kind}
          options={KINDS.map((k) => ({ value: k, label: t(`person.${k}`) }))}
          onChange={setKind}
        />
        {value.kind === 'user' && (
          <SelectField
            ariaLabel={t('a11y.user')}
            value={value.user}
            options={o.users()}
            onChange={(user) => user && onChange({ kind: 'user', user })}
          />
        )}
        {value.kind === 'field' && (
          <SelectField
            ariaLabel={t('a11y.field')}
            value={value.field}
            options={o.fields(entity, ['string'])}
            onChange={(field) => field && onChange({ kind: 'field', field })}
          />
        )}
        {value.kind === 'address' && (
          <input
            value={value.address}
            onChange={(e) => onChange({ kind: 'address', address: e.target.value })}
          />
        )}
      </span>
    </div>
  );
}
