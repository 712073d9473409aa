import { dateAdd, type Calendar, type Duration, type Timing } from '../../../schemas/index.js';
import { countWorkingTime } from '../../calendar/count-working-time.js';

const NO_WAIT: Duration = { value: 0, unit: 'minutes' };

/**
 * The due time of a `"workingHours": "count"` timing: its delay counted in the
 * calendar's working time from when the robot was planned (`delay`, `after_previous`)
 * or from the anchor field, backwards for `before` (`relative_to_field`).
 * `null` when the anchor field is empty, `'none'` when the calendar has no working
 * time to count in (unknown zone, no working days, past two years).
 *
 * @example countedDueTime({ kind: 'delay', duration: { value: 2, unit: 'hours' }, workingHours: 'count' }, {}, now, nineToSix)
 */
export function countedDueTime(
  timing: Timing,
  fields: Record<string, unknown>,
  now: string,
  calendar: Calendar,
): string | null | 'none' {
  let from: string | null = now;
  let amount = NO_WAIT;
  let backward = false;
  if (timing.kind === 'delay') amount = timing.duration;
  if (timing.kind === 'after_previous') amount = timing.duration ?? NO_WAIT;
  if (timing.kind === 'relative_to_field') {
    from = dateAdd(fields[timing.field], 0, 'minutes');
    amount = timing.offset;
    backward = timing.direction === 'before';
  }
  if (from === null) return null;
  const due = countWorkingTime(new Date(from), amount, backward ? 'backward' : 'forward', calendar);
  return due === null ? 'none' : due.toISOString();
}
