import { DateTime } from 'luxon';

/** The value an `<input type="date">` / `datetime-local` shows for a stored ISO value. */
export function toInputValue(
  stored: unknown,
  kind: 'date' | 'datetime',
  zone: string | undefined,
): string {
  if (typeof stored !== 'string' || stored === '') return '';
  // A bare date is a calendar day: no zone moves it.
  if (/^\d{4}-\d{2}-\d{2}$/.test(stored)) return kind === 'date' ? stored : `${stored}T00:00`;
  const at = DateTime.fromISO(stored, { zone: 'utc' }).setZone(zone ?? 'utc');
  if (!at.isValid) return '';
  return at.toFormat(kind === 'date' ? 'yyyy-MM-dd' : "yyyy-MM-dd'T'HH:mm");
}

/**
 * What goes back to the runtime for an input's value: a date stays `2026-12-07`; a
 * wall time read in the calendar's zone becomes an ISO instant in UTC.
 *
 * @example fromInputValue('2026-12-07T10:30', 'datetime', 'Europe/Moscow') // '2026-12-07T07:30:00.000Z'
 */
export function fromInputValue(
  value: string,
  kind: 'date' | 'datetime',
  zone: string | undefined,
): string | null {
  if (value === '') return null;
  if (kind === 'date') return value;
  const at = DateTime.fromISO(value, { zone: zone ?? 'utc' });
  return at.isValid ? at.toUTC().toISO() : null;
}

/**
 * An input's value as the UI's language writes it (the browser's picker follows the
 * browser's own locale): `Mon, Dec 7, 2026, 10:30 PM` in English, `пн, 7 дек. 2026 г.,
 * 22:30` in Russian; empty for no value.
 */
export function inputValueInLocale(
  value: string,
  kind: 'date' | 'datetime',
  zone: string | undefined,
  locale: string,
): string {
  if (value === '') return '';
  const at = DateTime.fromISO(value, { zone: kind === 'date' ? 'utc' : (zone ?? 'utc') });
  if (!at.isValid) return '';
  return at
    .setLocale(locale)
    .toLocaleString(
      kind === 'date' ? DateTime.DATE_MED_WITH_WEEKDAY : DateTime.DATETIME_MED_WITH_WEEKDAY,
    );
}
