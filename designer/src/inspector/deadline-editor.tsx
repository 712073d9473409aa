import { useTranslation } from 'react-i18next';
import type { Deadline, EntityType } from '../../../schemas/index.js';
import { DurationEditor } from './duration-editor.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';

/** A task deadline: none, N after now, or N before/after a date field. */
export function DeadlineEditor({
  value,
  entity,
  onChange,
}: {
  value: Deadline | undefined;
  entity: EntityType;
  onChange: (d: Deadline | undefined) => void;
}) {
  const { t } = useTranslation();
  const o = useOptions();
  const dateFields = o.fields(entity, ['date', 'datetime']);
  const from = value === undefined ? '' : value.from === 'now' ? 'now' : value.from.field;
  return (
    <div className="form-row">
      <label>{t('inspector.deadline')}</label>
      <span className="inline-fields">
        {value && (
          <DurationEditor
            label={t('inspector.deadline')}
            value={value.offset}
            onChange={(offset) => onChange({ ...value, offset })}
          />
        )}
        {value && value.from !== 'now' && (
          <select
            aria-label={t('a11y.direction')}
            value={value.direction ?? 'after'}
            onChange={(e) =>
              onChange({ ...value, direction: e.target.value as 'before' | 'after' })
            }
          >
            <option value="before">{t('direction.before')}</option>
            <option value="after">{t('direction.after')}</option>
          </select>
        )}
        <SelectField
          ariaLabel={t('a11y.deadlineFrom')}
          value={from || undefined}
          emptyLabel={t('inspector.noDeadline')}
          options={[{ value: 'now', label: t('inspector.fromNow') }, ...dateFields]}
          onChange={(v) =>
            onChange(
              v === undefined
                ? undefined
                : {
                    from: v === 'now' ? 'now' : { field: v },
                    offset: value?.offset ?? { value: 1, unit: 'days' },
                    ...(v === 'now' ? {} : { direction: value?.direction ?? 'before' }),
                  },
            )
          }
        />
      </span>
    </div>
  );
}
