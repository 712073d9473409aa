import { describe, expect, it } from 'vitest';
import type { Calendar } from '../../../schemas/model/calendars.js';
import { isWorkingTime, nextWorkingTime } from '../../../runtime/calendar/next-working-time.js';
import { resolveCalendar } from '../../../runtime/calendar/resolve-calendar.js';

const nineToSix = [{ from: '09:00', to: '18:00' }];
const moscow: Calendar = {
  key: 'moscow',
  timeZone: 'Europe/Moscow', // UTC+3, no daylight saving
  week: {
    mon: nineToSix,
    tue: nineToSix,
    wed: nineToSix,
    thu: nineToSix,
    fri: [
      { from: '09:00', to: '13:00' },
      { from: '14:00', to: '18:00' },
    ],
  },
  holidays: ['2026-12-31'],
};
const berlin: Calendar = {
  key: 'berlin',
  timeZone: 'Europe/Berlin',
  week: { mon: nineToSix, sun: nineToSix },
};
const iso = (d: Date | null) => d?.toISOString();

describe('nextWorkingTime', () => {
  it('keeps a time that is already inside a window', () => {
    const at = new Date('2026-11-23T08:30:00Z'); // Monday 11:30 Moscow
    expect(iso(nextWorkingTime(at, moscow))).toBe(at.toISOString());
    expect(isWorkingTime(at, moscow)).toBe(true);
  });

  it('moves an early morning time to the opening of the same day', () => {
    expect(iso(nextWorkingTime(new Date('2026-11-23T03:00:00Z'), moscow))).toBe(
      '2026-11-23T06:00:00.000Z',
    );
  });

  it('moves a Saturday to Monday morning', () => {
    expect(iso(nextWorkingTime(new Date('2026-11-21T10:00:00Z'), moscow))).toBe(
      '2026-11-23T06:00:00.000Z',
    );
  });

  it('moves a lunch break to the afternoon window', () => {
    expect(iso(nextWorkingTime(new Date('2026-11-27T10:30:00Z'), moscow))).toBe(
      '2026-11-27T11:00:00.000Z',
    );
  });

  it('skips holidays', () => {
    // Wednesday 31 December is a holiday; Thursday 1 January opens at 09:00 Moscow.
    expect(iso(nextWorkingTime(new Date('2026-12-31T07:00:00Z'), moscow))).toBe(
      '2027-01-01T06:00:00.000Z',
    );
  });

  it('follows daylight saving time in the calendar zone', () => {
    // Sunday 29 March 2026: Berlin switches to UTC+2, so 09:00 local is 07:00Z.
    expect(iso(nextWorkingTime(new Date('2026-03-29T00:30:00Z'), berlin))).toBe(
      '2026-03-29T07:00:00.000Z',
    );
    // A week earlier (UTC+1) 09:00 local is 08:00Z.
    expect(iso(nextWorkingTime(new Date('2026-03-22T00:30:00Z'), berlin))).toBe(
      '2026-03-22T08:00:00.000Z',
    );
  });

  it('returns null for a calendar without working time or with an unknown zone', () => {
    expect(nextWorkingTime(new Date(), { key: 'never', timeZone: 'UTC', week: {} })).toBeNull();
    expect(nextWorkingTime(new Date(), { ...moscow, timeZone: 'Mars/Olympus' })).toBeNull();
  });
});

describe('resolveCalendar', () => {
  const sources = { calendars: [moscow, berlin], defaultCalendar: 'moscow' };
  it('prefers the robot, then the user, then the default', () => {
    expect(resolveCalendar(sources, 'berlin', 'moscow')?.key).toBe('berlin');
    expect(resolveCalendar(sources, undefined, 'berlin')?.key).toBe('berlin');
    expect(resolveCalendar(sources, undefined, undefined)?.key).toBe('moscow');
    expect(resolveCalendar({ calendars: [] }, undefined, undefined)).toBeUndefined();
  });
});
