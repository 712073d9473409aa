import { IANAZone } from 'luxon';
import type { Calendar } from '../../schemas/model/calendars.js';
import { WEEKDAYS } from '../../schemas/model/calendars.js';

/** A stretch of working time, as epoch milliseconds. */
export interface Span {
  readonly from: number;
  readonly to: number;
}

/**
 * A calendar in numbers: days are wall-clock dates in the calendar's zone, counted
 * from 1970-01-01; instants are epoch milliseconds. Walking a year of days costs a
 * few zone-offset look-ups a day instead of a luxon `DateTime` per step.
 */
export interface CalendarClock {
  /** The wall-clock date of `ms` in the zone. */
  dayOf(ms: number): number;
  /** Milliseconds since the wall-clock midnight of its day (23:30 is 84,600,000). */
  timeOfDay(ms: number): number;
  /** The instant of a wall-clock time of `day`; a time that DST skips moves on, as in luxon. */
  instant(day: number, timeOfDay: number): number;
  /** The day's working windows in order, overlaps merged; none on a holiday. */
  windows(day: number): readonly Span[];
  /** How many weekdays of the calendar's week have working time (5 for Mon-Fri). */
  readonly workingDaysPerWeek: number;
}

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** A weekday's windows as minute pairs, sorted and merged; `18:00`-`09:00` holds no time. */
function weekdayMinutes(calendar: Calendar): (readonly (readonly [number, number])[])[] {
  return WEEKDAYS.map((d) => {
    const pairs = (calendar.week[d] ?? [])
      .map((w) => [minutesOf(w.from), minutesOf(w.to)] as [number, number])
      .filter(([from, to]) => to > from)
      .sort((a, b) => a[0] - b[0]);
    const merged: [number, number][] = [];
    for (const [from, to] of pairs) {
      const last = merged[merged.length - 1];
      if (last !== undefined && from <= last[1]) last[1] = Math.max(last[1], to);
      else merged.push([from, to]);
    }
    return merged;
  });
}

/**
 * The calendar's clock, or `null` when its time zone is not a known IANA zone.
 *
 * @example calendarClock(moscowNineToSix)?.windows(20_415) // Monday 2025-11-24, 06:00Z-15:00Z
 */
export function calendarClock(calendar: Calendar): CalendarClock | null {
  if (!IANAZone.isValidZone(calendar.timeZone)) return null;
  const zone = IANAZone.create(calendar.timeZone);
  const offsetMs = (ms: number) => zone.offset(ms) * MINUTE_MS;
  const holidays = new Set(calendar.holidays ?? []);
  const week = weekdayMinutes(calendar);
  // Wall time to instant, the way luxon does it (two look-ups settle a DST change).
  const instantOfWall = (wall: number): number => {
    const o1 = offsetMs(wall);
    const guess = wall - o1;
    const o2 = offsetMs(guess);
    if (o1 === o2) return guess;
    const o3 = offsetMs(wall - o2);
    return o2 === o3 ? wall - o2 : wall - Math.min(o2, o3);
  };
  return {
    dayOf: (ms) => Math.floor((ms + offsetMs(ms)) / DAY_MS),
    timeOfDay: (ms) => {
      const wall = ms + offsetMs(ms);
      return wall - Math.floor(wall / DAY_MS) * DAY_MS;
    },
    instant: (day, timeOfDay) => instantOfWall(day * DAY_MS + timeOfDay),
    windows: (day) => {
      const iso = new Date(day * DAY_MS).toISOString().slice(0, 10);
      if (holidays.has(iso)) return [];
      // 1970-01-01 was a Thursday, index 3 of WEEKDAYS.
      const pairs = week[(((day + 3) % 7) + 7) % 7] ?? [];
      if (pairs.length === 0) return [];
      // Offsets lie within -12 h..+14 h, so these two instants bracket every moment of
      // the day: one offset for both means no DST change that day.
      const wallMidnight = day * DAY_MS;
      const before = offsetMs(wallMidnight - 15 * 3_600_000);
      const uniform = before === offsetMs(wallMidnight + DAY_MS + 13 * 3_600_000);
      const at = (minutes: number) => {
        const wall = wallMidnight + minutes * MINUTE_MS;
        return uniform ? wall - before : instantOfWall(wall);
      };
      return pairs.map(([from, to]) => ({ from: at(from), to: at(to) }));
    },
    workingDaysPerWeek: week.filter((pairs) => pairs.length > 0).length,
  };
}
