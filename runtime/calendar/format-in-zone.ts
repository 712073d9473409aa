import { DateTime } from 'luxon';

/**
 * An instant as a person in the calendar's zone reads it, for timelines beside the
 * UTC time: `Mon 2026-11-23 10:30 Europe/Moscow`. An unknown zone or a bad time
 * gives `undefined`, so the caller shows UTC alone.
 *
 * @example formatInZone('2026-11-23T07:30:00.000Z', 'Europe/Moscow') // 'Mon 2026-11-23 10:30 Europe/Moscow'
 */
export function formatInZone(iso: string, timeZone: string): string | undefined {
  const d = DateTime.fromISO(iso, { zone: timeZone, setZone: false }).setZone(timeZone);
  if (!d.isValid) return undefined;
  return `${d.setLocale('en').toFormat('ccc yyyy-MM-dd HH:mm')} ${timeZone}`;
}
