import type { Duration } from '../../schemas/index.js';

const UNIT_MS: Readonly<Record<Duration['unit'], number>> = {
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
  weeks: 604_800_000,
};

export const MINUTE_MS = 60_000;

/** A model Duration in milliseconds (a virtual day is 24 hours). */
export function durationMs(d: Duration): number {
  return d.value * UNIT_MS[d.unit];
}

/**
 * Virtual minutes as `+HH:MM`, or `+Nd HH:MM` from the first day on.
 *
 * @example formatMinute(15) === '+00:15'; formatMinute(1500) === '+1d 01:00'
 */
export function formatMinute(minute: number): string {
  const m = Math.round(minute);
  const days = Math.floor(m / 1440);
  const rest = m - days * 1440;
  const hhmm = `${String(Math.floor(rest / 60)).padStart(2, '0')}:${String(rest % 60).padStart(2, '0')}`;
  return days > 0 ? `+${days}d ${hhmm}` : `+${hhmm}`;
}

/** `{value: 15, unit: 'minutes'}` as `15 minutes`, for descriptions. */
export function formatDuration(d: Duration): string {
  return `${d.value} ${d.value === 1 ? d.unit.replace(/s$/, '') : d.unit}`;
}
