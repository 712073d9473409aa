import { useTranslation } from 'react-i18next';
import { DURATION_UNITS, type Duration, type DurationUnit } from '../../../schemas/index.js';

/** Number + unit. */
export function DurationEditor({
  value,
  onChange,
  testId,
  label,
}: {
  value: Duration;
  onChange: (d: Duration) => void;
  testId?: string;
  /** What the duration is (delay, deadline...), for screen readers. */
  label?: string;
}) {
  const { t } = useTranslation();
  const what = label ?? t('a11y.duration');
  return (
    <span className="inline-fields">
      <input
        type="number"
        min={0}
        aria-label={t('a11y.durationValue', { what })}
        value={value.value}
        data-testid={testId}
        onChange={(e) => onChange({ ...value, value: Math.max(0, Number(e.target.value) || 0) })}
        style={{ width: 70 }}
      />
      <select
        aria-label={t('a11y.durationUnit', { what })}
        value={value.unit}
        onChange={(e) => onChange({ ...value, unit: e.target.value as DurationUnit })}
      >
        {DURATION_UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`unit.${u}`)}
          </option>
        ))}
      </select>
    </span>
  );
}
