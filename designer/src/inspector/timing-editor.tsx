import { useTranslation } from 'react-i18next';
import type { EntityType, Timing } from '../../../schemas/index.js';
import { DurationEditor } from './duration-editor.js';
import { SelectField } from './select-field.js';
import { useOptions } from './use-options.js';
import { WorkingHoursChoice, choiceOf } from './working-hours-choice.js';

const KINDS = ['immediate', 'delay', 'relative_to_field', 'after_previous'] as const;
const DAY = { value: 1, unit: 'days' } as const;

/** When a robot runs: at once, after a delay, relative to a date field, after the previous one. */
export function TimingEditor({
  value,
  entity,
  onChange,
}: {
  value: Timing;
  entity: EntityType;
  onChange: (t: Timing) => void;
}) {
  const { t } = useTranslation();
  const options = useOptions();
  const common = { workingHours: value.workingHours, calendar: value.calendar };
  // An immediate robot has no delay to count: counting becomes moving into working hours.
  const immediateCommon = {
    ...common,
    workingHours: value.workingHours === 'count' ? ('shift' as const) : value.workingHours,
  };
  const strip = <T extends object>(x: T): T =>
    Object.fromEntries(Object.entries(x).filter(([, v]) => v !== undefined)) as T;
  const setKind = (kind: (typeof KINDS)[number]) => {
    if (kind === 'immediate') onChange(strip({ kind, ...immediateCommon }));
    if (kind === 'delay')
      onChange(strip({ kind, duration: { value: 15, unit: 'minutes' }, ...common }));
    if (kind === 'after_previous') onChange(strip({ kind, ...common }));
    if (kind === 'relative_to_field') {
      const field = options.fields(entity, ['date', 'datetime'])[0]?.value ?? 'closeDate';
      onChange(strip({ kind, field, direction: 'before', offset: DAY, ...common }));
    }
  };
  return (
    <fieldset className="timing-editor">
      <legend>{t('timing.kind')}</legend>
      <SelectField
        ariaLabel={t('timing.kind')}
        value={value.kind}
        options={KINDS.map((k) => ({ value: k, label: t(`timing.${k}`) }))}
        onChange={(k) => k && setKind(k as (typeof KINDS)[number])}
        testId="timing-kind"
      />
      {value.kind === 'delay' && (
        <DurationEditor
          label={t('timing.delay')}
          value={value.duration}
          onChange={(duration) => onChange({ ...value, duration })}
          testId="timing-duration"
        />
      )}
      {value.kind === 'after_previous' && (
        <DurationEditor
          label={t('timing.after_previous')}
          value={value.duration ?? { value: 0, unit: 'minutes' }}
          onChange={(duration) => onChange({ ...value, duration })}
        />
      )}
      {value.kind === 'relative_to_field' && (
        <div className="inline-fields">
          <DurationEditor
            label={t('timing.relative_to_field')}
            value={value.offset}
            onChange={(offset) => onChange({ ...value, offset })}
          />
          <select
            aria-label={t('a11y.direction')}
            value={value.direction}
            onChange={(e) =>
              onChange({ ...value, direction: e.target.value as 'before' | 'after' })
            }
          >
            <option value="before">{t('direction.before')}</option>
            <option value="after">{t('direction.after')}</option>
          </select>
          <SelectField
            ariaLabel={t('a11y.dateField')}
            value={value.field}
            options={options.fields(entity, ['date', 'datetime'])}
            onChange={(field) => field && onChange({ ...value, field })}
          />
        </div>
      )}
      <WorkingHoursChoice value={value} onChange={(t) => onChange(strip(t))} />
      {choiceOf(value) !== 'any' && (
        <SelectField
          label={t('timing.calendar')}
          value={value.calendar}
          options={options.calendars()}
          emptyLabel={t('timing.defaultCalendar')}
          onChange={(calendar) => onChange(strip({ ...value, calendar }))}
        />
      )}
    </fieldset>
  );
}
