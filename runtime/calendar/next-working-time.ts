import { DateTime } from 'luxon';
import type { Calendar } from '../../schemas/model/calendars.js';
import { WEEKDAYS } from '../../schemas/model/calendars.js';

/** A year and a bit: past that a calendar has no working time at all. */
const MAX_DAYS_AHEAD = 400;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The wall-clock time `hhmm` on `day` (not midnight + N minutes, which DST would shift). */
function wallTime(day: DateTime, hhmm: string): DateTime {
  const minutes = minutesOf(hhmm);
  return day.set({
    hour: Math.floor(minutes / 60),
    minute: minutes % 60,
    second: 0,
    millisecond: 0,
  });
}

/**
 * The first moment at or after `at` that falls inside a working window of the
 * calendar, in the calendar's time zone (daylight-saving changes included).
 * Returns `null` when the calendar has no working time in the next 400 days or
 * names an unknown time zone, so the caller can record why nothing was planned.
 *
 * @example nextWorkingTime(new Date('2026-11-21T10:00:00Z'), moscowNineToSix) // Monday 06:00Z
 */
export function nextWorkingTime(at: Date, calendar: Calendar): Date | null {
  const start = DateTime.fromJSDate(at, { zone: calendar.timeZone });
  if (!start.isValid) return null;
  const holidays = new Set(calendar.holidays ?? []);
  for (let offset = 0; offset <= MAX_DAYS_AHEAD; offset += 1) {
    const day = start.startOf('day').plus({ days: offset });
    if (holidays.has(day.toISODate() ?? '')) continue;
    const weekday = WEEKDAYS[day.weekday - 1];
    const windows = weekday ? (calendar.week[weekday] ?? []) : [];
    const sorted = [...windows].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
    for (const w of sorted) {
      const from = wallTime(day, w.from);
      const to = wallTime(day, w.to);
      if (start < to) return (start > from ? start : from).toJSDate();
    }
  }
  return null;
}

/** Whether `at` lies inside a working window (a due time that needs no moving). */
export function isWorkingTime(at: Date, calendar: Calendar): boolean {
  return nextWorkingTime(at, calendar)?.getTime() === at.getTime();
}
