/** Steps of "in 14 min" / "через 14 мин": the largest unit that fits. */
const STEPS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
  ['second', 1000],
];

/**
 * How far `dueAt` is from `now`, in the UI language ("in 14 min", "через 2 ч.", "1 min
 * ago" for an overdue timer the scheduler has not run yet).
 *
 * @example relativeDue('en-GB', '2026-12-07T10:14:00Z', Date.parse('2026-12-07T10:00:00Z')) // 'in 14 min'
 */
export function relativeDue(locale: string, dueAt: string, now: number): string {
  const ms = Date.parse(dueAt) - now;
  if (Number.isNaN(ms)) return dueAt;
  const f = new Intl.RelativeTimeFormat(locale, { style: 'short', numeric: 'always' });
  for (const [unit, size] of STEPS)
    if (Math.abs(ms) >= size || unit === 'second') return f.format(Math.round(ms / size), unit);
  return dueAt;
}
