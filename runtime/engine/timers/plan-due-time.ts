import {
  dateAdd,
  workingHoursMode,
  type Calendar,
  type RuleSet,
  type Timing,
  type WorkingHoursMode,
} from '../../../schemas/index.js';
import { nextWorkingTime } from '../../calendar/next-working-time.js';
import { resolveCalendar } from '../../calendar/resolve-calendar.js';
import type { DirectoryEntries } from '../../domain/directory.js';
import type { RecordDoc } from '../../domain/record.js';
import { DirectoryView } from '../directory-view.js';
import { countedDueTime } from './counted-due-time.js';

/** When a robot runs: now, at a time (maybe moved into working hours), or not at all. */
export type DuePlan =
  | { kind: 'now' }
  | {
      kind: 'at';
      dueAt: string;
      /** The due time before it was moved into working hours (`shift` only). */
      plannedFor?: string;
      /** The calendar that placed it, its zone and how (`shift` or `count`). */
      calendar?: string;
      timeZone?: string;
      workingHours?: WorkingHoursMode;
    }
  | { kind: 'skip'; code: 'anchor_empty' | 'no_working_time'; reason: string };

/** The due time before working hours; `undefined` = at once, `null` = empty anchor field. */
export function rawDueTime(
  timing: Timing | undefined,
  fields: Record<string, unknown>,
  now: string,
): string | null | undefined {
  if (timing === undefined || timing.kind === 'immediate') return undefined;
  if (timing.kind === 'after_previous')
    return timing.duration === undefined
      ? undefined
      : dateAdd(now, timing.duration.value, timing.duration.unit);
  if (timing.kind === 'delay') return dateAdd(now, timing.duration.value, timing.duration.unit);
  const sign = timing.direction === 'before' ? -1 : 1;
  return dateAdd(fields[timing.field], sign * timing.offset.value, timing.offset.unit);
}

/**
 * Plans a robot's run. With `workingHours` the robot's calendar applies (else the
 * responsible user's, else the model's default; without any calendar every moment is
 * working time): `shift` moves the due time (now, for an immediate robot) to the
 * next working window, `count` counts the delay in working time only.
 *
 * @example planDueTime({ kind: 'delay', duration: { value: 1, unit: 'hours' } }, record, now, ruleSet, dir)
 */
export function planDueTime(
  timing: Timing | undefined,
  record: RecordDoc,
  now: string,
  ruleSet: RuleSet,
  directory: DirectoryEntries,
): DuePlan {
  const raw = rawDueTime(timing, record.fields, now);
  if (raw === null)
    return { kind: 'skip', code: 'anchor_empty', reason: 'its anchor date field is empty' };
  const base = raw === undefined || raw < now ? now : raw;
  const mode = workingHoursMode(timing);
  if (timing === undefined || mode === undefined)
    return raw === undefined || raw <= now ? { kind: 'now' } : { kind: 'at', dueAt: raw };
  const user = new DirectoryView(directory, ruleSet).user(record.fields.responsible);
  const calendar = resolveCalendar(
    {
      calendars: ruleSet.calendars,
      ...(ruleSet.defaultCalendar === undefined
        ? {}
        : { defaultCalendar: ruleSet.defaultCalendar }),
    },
    timing.calendar,
    user?.calendar,
  );
  if (calendar === undefined) return base <= now ? { kind: 'now' } : { kind: 'at', dueAt: base };
  const noWorkingTime = {
    kind: 'skip',
    code: 'no_working_time',
    reason: `calendar ${calendar.key} has no working time in the next 400 days (or an unknown time zone ${calendar.timeZone})`,
  } as const;
  if (mode === 'count') {
    const counted = countedDueTime(timing, record.fields, now, calendar);
    if (counted === null)
      return { kind: 'skip', code: 'anchor_empty', reason: 'its anchor date field is empty' };
    if (counted === 'none')
      return {
        ...noWorkingTime,
        reason: `calendar ${calendar.key} has not enough working time to count ${describeAmount(timing)} within two years (or an unknown time zone ${calendar.timeZone})`,
      };
    // A count that ends in the past (an anchor long gone) runs at the next working moment.
    if (counted > now) return { kind: 'at', dueAt: counted, ...placedBy(calendar, 'count') };
  }
  const from = mode === 'count' ? now : base;
  const moved = nextWorkingTime(new Date(from), calendar);
  if (moved === null) return noWorkingTime;
  const dueAt = moved.toISOString();
  if (dueAt <= now) return { kind: 'now' };
  return dueAt === from || mode === 'count'
    ? { kind: 'at', dueAt, ...placedBy(calendar, mode) }
    : { kind: 'at', dueAt, plannedFor: base, ...placedBy(calendar, mode) };
}

const placedBy = (calendar: Calendar, workingHours: WorkingHoursMode) => ({
  calendar: calendar.key,
  timeZone: calendar.timeZone,
  workingHours,
});

function describeAmount(timing: Timing): string {
  const d =
    timing.kind === 'relative_to_field'
      ? timing.offset
      : timing.kind === 'immediate'
        ? undefined
        : timing.duration;
  return d === undefined ? 'no time' : `${d.value} ${d.unit}`;
}
