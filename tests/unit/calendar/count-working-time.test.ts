import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../schemas/model/calendars.js';
import type { Duration } from '../../../schemas/model/common.js';
import {
  countWorkingTime,
  type CountDirection,
} from '../../../runtime/calendar/count-working-time.js';

const nineToSix = [{ from: '09:00', to: '18:00' }];
const monToFri = (windows: Calendar['week']['mon']) => ({
  mon: windows,
  tue: windows,
  wed: windows,
  thu: windows,
  fri: windows,
});
const moscow: Calendar = { key: 'moscow', timeZone: 'Europe/Moscow', week: monToFri(nineToSix) };
const berlin: Calendar = { key: 'berlin', timeZone: 'Europe/Berlin', week: monToFri(nineToSix) };
/** 09:00-18:00 with lunch 13:00-14:00: eight working hours a day, UTC+5 all year. */
const yekaterinburg: Calendar = {
  key: 'yekaterinburg',
  timeZone: 'Asia/Yekaterinburg',
  week: {
    ...monToFri([
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ]),
    fri: [{ from: '09:00', to: '16:00' }],
  },
};

/** "Fri 2026-11-20 17:30" in the calendar's zone, the way a user states it. */
function at(calendar: Calendar, text: string): Date {
  const d = DateTime.fromFormat(text, 'ccc yyyy-MM-dd HH:mm', {
    zone: calendar.timeZone,
    locale: 'en',
  });
  if (!d.isValid) throw new Error(`bad test time ${text}`);
  return d.toJSDate();
}

/** The answer in the calendar's zone, in the same words. */
function count(
  calendar: Calendar,
  from: string,
  amount: Duration,
  direction: CountDirection = 'forward',
): string | undefined {
  const due = countWorkingTime(at(calendar, from), amount, direction, calendar);
  return due === null
    ? undefined
    : DateTime.fromJSDate(due, { zone: calendar.timeZone })
        .setLocale('en')
        .toFormat('ccc yyyy-MM-dd HH:mm');
}

const hours = (value: number): Duration => ({ value, unit: 'hours' });
const days = (value: number): Duration => ({ value, unit: 'days' });

describe('countWorkingTime: hours and minutes of working time', () => {
  it('2 hours from Friday 17:30 are Monday 10:30 (half an hour on Friday, 1.5 on Monday)', () => {
    expect(count(moscow, 'Fri 2026-11-20 17:30', hours(2))).toBe('Mon 2026-11-23 10:30');
  });

  it('skips a holiday Monday: Tuesday 10:30', () => {
    const withHoliday = { ...moscow, holidays: ['2026-11-23'] };
    expect(count(withHoliday, 'Fri 2026-11-20 17:30', hours(2))).toBe('Tue 2026-11-24 10:30');
  });

  it('starts the clock at the next working moment when the record arrives at night', () => {
    expect(count(moscow, 'Sat 2026-11-21 23:00', { value: 30, unit: 'minutes' })).toBe(
      'Mon 2026-11-23 09:30',
    );
  });

  it('ends exactly at the end of a window rather than at the next morning', () => {
    expect(count(moscow, 'Mon 2026-11-23 16:00', hours(2))).toBe('Mon 2026-11-23 18:00');
  });

  it('skips the lunch break and spans several days for a delay longer than a working day', () => {
    // Mon 10-13 and 14-18 (7 h), Tue 8 h, Wed 09-13 (4 h), then 1 h after lunch.
    expect(count(yekaterinburg, 'Mon 2026-11-23 10:00', hours(20))).toBe('Wed 2026-11-25 15:00');
  });

  it('keeps local time across the spring DST change in Berlin (Friday CET, Monday CEST)', () => {
    expect(count(berlin, 'Fri 2026-03-27 17:30', hours(2))).toBe('Mon 2026-03-30 10:30');
  });

  it('keeps local time across the autumn DST change in Berlin', () => {
    expect(count(berlin, 'Fri 2026-10-23 17:00', hours(11))).toBe('Tue 2026-10-27 10:00');
  });

  it('counts elapsed hours inside a window the clocks jump in (01:00-05:00 holds 3 h that night)', () => {
    const night: Calendar = {
      key: 'night',
      timeZone: 'Europe/Berlin',
      week: { sun: [{ from: '01:00', to: '05:00' }] },
    };
    expect(count(night, 'Sun 2026-03-29 01:00', hours(3))).toBe('Sun 2026-03-29 05:00');
    expect(count(night, 'Sun 2026-03-29 01:00', hours(4))).toBe('Sun 2026-04-05 02:00');
  });

  it('counts backwards: 2 working hours before a Monday 10:00 meeting are Friday 17:00', () => {
    expect(count(moscow, 'Mon 2026-11-23 10:00', hours(2), 'backward')).toBe(
      'Fri 2026-11-20 17:00',
    );
  });
});

describe('countWorkingTime: working days and weeks', () => {
  it('2 working days from Thursday 15:00 are Monday 15:00', () => {
    expect(count(moscow, 'Thu 2026-11-19 15:00', days(2))).toBe('Mon 2026-11-23 15:00');
  });

  it('a holiday Friday does not count: Tuesday 15:00', () => {
    const withHoliday = { ...moscow, holidays: ['2026-11-20'] };
    expect(count(withHoliday, 'Thu 2026-11-19 15:00', days(2))).toBe('Tue 2026-11-24 15:00');
  });

  it('ends at the close of a shorter working day instead of spilling into the next', () => {
    expect(count(yekaterinburg, 'Thu 2026-11-26 17:30', days(1))).toBe('Fri 2026-11-27 16:00');
  });

  it('starts the day count after the lunch break when the record arrives during it', () => {
    expect(count(yekaterinburg, 'Tue 2026-11-24 13:30', days(1))).toBe('Wed 2026-11-25 14:00');
  });

  it('a week is five working days on a Mon-Fri calendar, one more across a holiday', () => {
    expect(count(moscow, 'Wed 2026-11-18 11:00', { value: 1, unit: 'weeks' })).toBe(
      'Wed 2026-11-25 11:00',
    );
    const withHoliday = { ...moscow, holidays: ['2026-11-23'] };
    expect(count(withHoliday, 'Wed 2026-11-18 11:00', { value: 1, unit: 'weeks' })).toBe(
      'Thu 2026-11-26 11:00',
    );
  });

  it('counts working days backwards: 1 working day before Monday 10:00 is Friday 10:00', () => {
    expect(count(moscow, 'Mon 2026-11-23 10:00', days(1), 'backward')).toBe('Fri 2026-11-20 10:00');
  });

  it('crosses the DST change by wall clock: 1 working day from Friday 10:00 in Berlin', () => {
    expect(count(berlin, 'Fri 2026-03-27 10:00', days(1))).toBe('Mon 2026-03-30 10:00');
  });
});

describe('countWorkingTime: when there is no answer', () => {
  it('an unknown time zone, a calendar without working time or a count past two years', () => {
    const from = new Date('2026-11-20T10:00:00Z');
    expect(countWorkingTime(from, hours(1), 'forward', { ...moscow, timeZone: 'Mars/Base' })).toBe(
      null,
    );
    expect(countWorkingTime(from, hours(1), 'forward', { ...moscow, week: {} })).toBe(null);
    expect(countWorkingTime(from, days(1), 'forward', { ...moscow, week: {} })).toBe(null);
    expect(countWorkingTime(from, hours(100_000), 'forward', moscow)).toBe(null);
    expect(countWorkingTime(from, { value: 100_000, unit: 'weeks' }, 'forward', moscow)).toBe(null);
  });
});
