import { describe, expect, it } from 'vitest';
import {
  fromInputValue,
  inputValueInLocale,
  toInputValue,
} from '../../../designer/src/board/zoned-input.js';

describe("date and time inputs in the calendar's zone", () => {
  it('shows a stored instant as the wall time of the zone, and saves it back as UTC ISO', () => {
    const shown = toInputValue('2026-12-07T07:30:00.000Z', 'datetime', 'Europe/Moscow');
    expect(shown).toBe('2026-12-07T10:30');
    expect(fromInputValue(shown, 'datetime', 'Europe/Moscow')).toBe('2026-12-07T07:30:00.000Z');
  });

  it('reads a date as the day in the zone (late UTC evening is the next day in Moscow)', () => {
    expect(toInputValue('2026-12-07T22:00:00Z', 'date', 'Europe/Moscow')).toBe('2026-12-08');
    expect(toInputValue('2026-12-07', 'date', 'Europe/Moscow')).toBe('2026-12-07');
    expect(fromInputValue('2026-12-08', 'date', 'Europe/Moscow')).toBe('2026-12-08');
  });

  it('uses UTC without a calendar, empties to null, and shows nothing for what is not a date', () => {
    expect(toInputValue('2026-12-07T07:30:00Z', 'datetime', undefined)).toBe('2026-12-07T07:30');
    expect(fromInputValue('', 'datetime', 'Europe/Moscow')).toBeNull();
    expect(toInputValue('soon', 'datetime', 'Europe/Moscow')).toBe('');
    expect(toInputValue(42, 'date', undefined)).toBe('');
    expect(fromInputValue('garbage', 'datetime', 'Europe/Moscow')).toBeNull();
  });
});

describe("a date input's value in the UI language", () => {
  it("reads in English and in Russian, in the calendar's zone", () => {
    expect(inputValueInLocale('2026-12-07T22:30', 'datetime', 'Europe/Moscow', 'en-GB')).toBe(
      'Mon, 7 Dec 2026, 22:30',
    );
    expect(inputValueInLocale('2026-12-07T22:30', 'datetime', 'Europe/Moscow', 'ru-RU')).toMatch(
      /^пн, 7 дек\. 2026 г\., 22:30$/,
    );
    expect(inputValueInLocale('2026-12-24', 'date', 'Europe/Moscow', 'ru-RU')).toMatch(/24 дек/);
    expect(inputValueInLocale('', 'date', undefined, 'en-GB')).toBe('');
  });
});
