import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { workingHoursMode, type Timing } from '../../../schemas/index.js';

/** The three answers to "do working hours matter?", as the radio buttons offer them. */
export const WORKING_HOURS_CHOICES = ['any', 'shift', 'count'] as const;
export type WorkingHoursChoice = (typeof WORKING_HOURS_CHOICES)[number];

/** Which choice a timing shows: `true` and `"shift"` are the same answer. */
export function choiceOf(timing: Timing): WorkingHoursChoice {
  return workingHoursMode(timing) ?? 'any';
}

/**
 * The timing with a new choice. An existing `true` stays `true` when "shift" is kept,
 * so older models do not change on disk; an immediate robot has no delay to count.
 *
 * @example withChoice({ kind: 'delay', duration }, 'count') // { ..., workingHours: 'count' }
 */
export function withChoice(timing: Timing, choice: WorkingHoursChoice): Timing {
  const { workingHours: _old, ...rest } = timing;
  if (choice === 'any') return rest as Timing;
  if (choice === 'shift')
    return { ...rest, workingHours: timing.workingHours === true ? true : 'shift' };
  if (timing.kind === 'immediate') return { ...timing, workingHours: 'shift' };
  return { ...timing, workingHours: 'count' };
}

/**
 * "Working hours": any time, wait then move into working hours, or count only
 * working time (an SLA clock). A labelled radio group; counting is offered only
 * when the timing has a delay to count.
 */
export function WorkingHoursChoice({
  value,
  onChange,
}: {
  value: Timing;
  onChange: (t: Timing) => void;
}) {
  const { t } = useTranslation();
  const name = useId();
  const current = choiceOf(value);
  const offered = WORKING_HOURS_CHOICES.filter((c) => c !== 'count' || value.kind !== 'immediate');
  const label = (c: WorkingHoursChoice) =>
    c === 'shift' && value.kind === 'immediate'
      ? t('timing.workingHoursChoice.shiftImmediate')
      : t(`timing.workingHoursChoice.${c}`);
  return (
    <fieldset className="working-hours-choice" data-testid="timing-working-hours">
      <legend>{t('timing.workingHoursChoice.legend')}</legend>
      {offered.map((c) => (
        <label key={c} className="radio">
          <input
            type="radio"
            name={name}
            value={c}
            checked={current === c}
            aria-describedby={`${name}-${c}-hint`}
            data-testid={`timing-working-hours-${c}`}
            onChange={() => onChange(withChoice(value, c))}
          />
          <span>
            {label(c)}
            <small id={`${name}-${c}-hint`} className="hint">
              {t(`timing.workingHoursChoice.${c}Hint`)}
            </small>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
