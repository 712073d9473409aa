import { useTranslation } from 'react-i18next';
import type { EntityType } from '../../../schemas/index.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';

type UpdateFields = { type: 'update_fields'; set: Array<{ field: string; value: unknown }> };

function showValue(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
function readValue(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Rows "field := value"; a value is a literal or JSON-Logic written as JSON. */
export function UpdateFieldsEditor({
  action,
  entity,
  onChange,
}: {
  action: UpdateFields;
  entity: EntityType;
  onChange: (a: UpdateFields) => void;
}) {
  const { t } = useTranslation();
  const o = useOptions();
  const set = (i: number, row: { field: string; value: unknown }) =>
    onChange({ ...action, set: action.set.map((r, j) => (j === i ? row : r)) });
  return (
    <div className="form-row">
      <label>{t('action.update_fields')}</label>
      {action.set.map((row, i) => (
        <span key={i} className="inline-fields">
          <SelectField
            ariaLabel={t('a11y.field')}
            value={row.field}
            options={o.fields(entity)}
            onChange={(field) => field && set(i, { ...row, field })}
          />
          <input
            value={showValue(row.value)}
            onChange={(e) => set(i, { ...row, value: readValue(e.target.value) })}
          />
          {action.set.length > 1 && (
            <button
              type="button"
              className="icon-button"
              onClick={() => onChange({ ...action, set: action.set.filter((_, j) => j !== i) })}
            >
              ×
            </button>
          )}
        </span>
      ))}
      <button
        type="button"
        onClick={() => onChange({ ...action, set: [...action.set, { field: 'title', value: '' }] })}
      >
        {t('inspector.add')}
      </button>
    </div>
  );
}
