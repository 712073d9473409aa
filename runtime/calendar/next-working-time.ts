import type { Calendar } from '../../schemas/model/calendars.js';
import { calendarClock, type CalendarClock } from './calendar-clock.js';

/** A year and a bit: past that a calendar has no working time at all. */
export const MAX_DAYS_WITHOUT_WORK = 400;

/**
 * The first moment at or after `at` that falls inside a working window of the
 * calendar, in the calendar's time zone (daylight-saving changes included).
 * Returns `null` when the calendar has no working time in the next 400 days or
 * names an unknown time zone, so the caller can record why nothing was planned.
 *
 * @example nextWorkingTime(new Date('2026-11-21T10:00:00Z'), moscowNineToSix) // Monday 06:00Z
 */
export function nextWorkingTime(at: Date, calendar: Calendar): Date | null {
  const clock = calendarClock(calendar);
  if (clock === null || Number.isNaN(at.getTime())) return null;
  const next = nextWorkingMoment(clock, at.getTime());
  return next === null ? null : new Date(next);
}

/** {@link nextWorkingTime} on a calendar clock, in epoch milliseconds. */
export function nextWorkingMoment(clock: CalendarClock, start: number): number | null {
  const first = clock.dayOf(start);
  for (let day = first; day <= first + MAX_DAYS_WITHOUT_WORK; day += 1)
    for (const w of clock.windows(day)) if (start < w.to) return Math.max(start, w.from);
  return null;
}

/** The last working moment at or before `start`; the end of a window counts as working. */
export function previousWorkingMoment(clock: CalendarClock, start: number): number | null {
  const first = clock.dayOf(start);
  for (let day = first; day >= first - MAX_DAYS_WITHOUT_WORK; day -= 1)
    for (const w of [...clock.windows(day)].reverse())
      if (w.from <= start) return Math.min(start, w.to);
  return null;
}

/** Whether `at` lies inside a working window (a due time that needs no moving). */
export function isWorkingTime(at: Date, calendar: Calendar): boolean {
  return nextWorkingTime(at, calendar)?.getTime() === at.getTime();
}
