import type { Duration } from '../../schemas/model/common.js';
import type { Calendar } from '../../schemas/model/calendars.js';
import { calendarClock, type CalendarClock, type Span } from './calendar-clock.js';
import {
  MAX_DAYS_WITHOUT_WORK,
  nextWorkingMoment,
  previousWorkingMoment,
} from './next-working-time.js';

/**
 * How far working time is counted: two years of days. A longer count (100,000 hours
 * of working time is about 44 years) is no SLA; it skips the robot with a reason
 * instead of walking the calendar for decades on every event.
 */
export const MAX_COUNT_DAYS = 731;

export type CountDirection = 'forward' | 'backward';

const UNIT_MS = { minutes: 60_000, hours: 3_600_000 } as const;

/** The day's windows in the order the count meets them. */
const inOrder = (clock: CalendarClock, day: number, direction: CountDirection): Span[] =>
  direction === 'forward' ? [...clock.windows(day)] : [...clock.windows(day)].reverse();

/** Minutes and hours: walk the windows, spending the amount on the working part of each. */
function countTime(
  clock: CalendarClock,
  start: number,
  ms: number,
  direction: CountDirection,
): number | null {
  const step = direction === 'forward' ? 1 : -1;
  const first = clock.dayOf(start);
  let remaining = ms;
  let idle = 0;
  for (let n = 0; n <= MAX_COUNT_DAYS && idle <= MAX_DAYS_WITHOUT_WORK; n += 1) {
    const windows = inOrder(clock, first + step * n, direction);
    idle = windows.length === 0 ? idle + 1 : 0;
    for (const w of windows) {
      // The part of the window on the count's side of `start`.
      const from = direction === 'forward' ? Math.max(start, w.from) : w.from;
      const to = direction === 'forward' ? w.to : Math.min(start, w.to);
      if (to <= from) continue;
      if (remaining <= to - from)
        return direction === 'forward' ? from + remaining : to - remaining;
      remaining -= to - from;
    }
  }
  return null;
}

/**
 * The wall-clock `timeOfDay` on `day`, kept inside the day's working hours: before the
 * first window it is the day's start, after the last its end, and in a break the next
 * window's start (counting forward) or the previous one's end (backward).
 */
function sameTimeOn(
  clock: CalendarClock,
  day: number,
  timeOfDay: number,
  windows: readonly Span[],
  direction: CountDirection,
): number {
  const at = clock.instant(day, timeOfDay);
  const first = windows[0];
  const last = windows[windows.length - 1];
  if (first === undefined || last === undefined) return at;
  if (at <= first.from) return first.from;
  if (at >= last.to) return last.to;
  for (let i = 0; i < windows.length - 1; i += 1) {
    const w = windows[i];
    const next = windows[i + 1];
    if (w === undefined || next === undefined || at <= w.to) return at;
    if (at < next.from) return direction === 'forward' ? next.from : w.to;
  }
  return at;
}

/** Days and weeks: whole working days, to the same time of day as the count started. */
function countDays(
  clock: CalendarClock,
  start: number,
  days: number,
  direction: CountDirection,
): number | null {
  const begin =
    direction === 'forward' ? nextWorkingMoment(clock, start) : previousWorkingMoment(clock, start);
  if (begin === null || days === 0) return begin;
  const step = direction === 'forward' ? 1 : -1;
  const first = clock.dayOf(begin);
  const timeOfDay = clock.timeOfDay(begin);
  let counted = 0;
  let idle = 0;
  for (let n = 1; n <= MAX_COUNT_DAYS && idle <= MAX_DAYS_WITHOUT_WORK; n += 1) {
    const windows = clock.windows(first + step * n);
    if (windows.length === 0) {
      idle += 1;
      continue;
    }
    idle = 0;
    counted += 1;
    if (counted === days) return sameTimeOn(clock, first + step * n, timeOfDay, windows, direction);
  }
  return null;
}

/**
 * `amount` of working time counted from `at` forward (a delay) or backward ("2 hours
 * before the meeting"), in the calendar's zone with its holidays, breaks and DST:
 *
 * - minutes and hours count only the time inside working windows (an hour is an
 *   elapsed hour, also on a day the clocks change);
 * - days count whole working days: the same time of day as the count started, on
 *   the N-th working day, kept inside that day's working hours; a fraction of a day
 *   is rounded up; a week is as many working days as the calendar's week has.
 *
 * The count starts at the first working moment (backward: the last one). `null` when
 * the time zone is unknown, the calendar has no working time for 400 days or the
 * count runs past two years.
 *
 * @example countWorkingTime(fridayAt1730, { value: 2, unit: 'hours' }, 'forward', nineToSix) // Monday 10:30
 */
export function countWorkingTime(
  at: Date,
  amount: Duration,
  direction: CountDirection,
  calendar: Calendar,
): Date | null {
  const clock = calendarClock(calendar);
  const start = at.getTime();
  if (clock === null || Number.isNaN(start)) return null;
  if (!Number.isFinite(amount.value) || amount.value < 0) return null;
  let due: number | null;
  if (amount.unit === 'minutes' || amount.unit === 'hours') {
    due = countTime(clock, start, Math.round(amount.value * UNIT_MS[amount.unit]), direction);
  } else {
    const perWeek = amount.unit === 'weeks' ? clock.workingDaysPerWeek : 1;
    if (perWeek === 0) return null;
    // 0.2 weeks * 5 is 1.0000000000000002 in floating point: one day, not two.
    due = countDays(clock, start, Math.ceil(amount.value * perWeek - 1e-9), direction);
  }
  return due === null ? null : new Date(due);
}
