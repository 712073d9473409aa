import type { Calendar } from '../../schemas/model/calendars.js';

export interface CalendarSources {
  readonly calendars: readonly Calendar[];
  readonly defaultCalendar?: string;
}

/**
 * Which calendar a working-hours robot uses: the one it names, else the
 * responsible user's own, else the company default; `undefined` means "always working".
 */
export function resolveCalendar(
  sources: CalendarSources,
  robotCalendar: string | undefined,
  userCalendar: string | undefined,
): Calendar | undefined {
  const byKey = (key: string | undefined) =>
    key === undefined ? undefined : sources.calendars.find((c) => c.key === key);
  return byKey(robotCalendar) ?? byKey(userCalendar) ?? byKey(sources.defaultCalendar);
}
