import { dateAdd, type RuleSet, type Timing } from '../../../schemas/index.js';
import { nextWorkingTime } from '../../calendar/next-working-time.js';
import { resolveCalendar } from '../../calendar/resolve-calendar.js';
import type { DirectoryEntries, RecordDoc } from '../../store/store-types.js';
import { DirectoryView } from '../directory-view.js';

/** When a robot runs: now, at a time (maybe moved into working hours), or not at all. */
export type DuePlan =
  | { kind: 'now' }
  | { kind: 'at'; dueAt: string; plannedFor?: string; calendar?: string }
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
 * Plans a robot's run. With `workingHours` the due time (now, for an immediate robot)
 * moves to the next working window of the robot's calendar, else the responsible
 * user's, else the model's default; without any calendar every moment is working time.
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
  if (timing?.workingHours !== true)
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
  const moved = nextWorkingTime(new Date(base), calendar);
  if (moved === null)
    return {
      kind: 'skip',
      code: 'no_working_time',
      reason: `calendar ${calendar.key} has no working time in the next 400 days (or an unknown time zone ${calendar.timeZone})`,
    };
  const dueAt = moved.toISOString();
  if (dueAt <= now) return { kind: 'now' };
  return dueAt === base
    ? { kind: 'at', dueAt, calendar: calendar.key }
    : { kind: 'at', dueAt, plannedFor: base, calendar: calendar.key };
}
