import type { Rule, RuleSet, Timing } from '../../../schemas/index.js';
import type { DirectoryEntries } from '../../domain/directory.js';
import type { RecordDoc } from '../../domain/record.js';
import { dateTriggerTiming } from '../timers/date-triggers.js';
import { planDueTime, rawDueTime, type DuePlan } from '../timers/plan-due-time.js';

export type AtPlan = Extract<DuePlan, { kind: 'at' }>;
export type ExistingDue = AtPlan | { kind: 'skip'; code: 'anchor_empty' | 'no_working_time' };

/**
 * When a timing applies to a record already in its stage (a robot published or changed
 * while the record sat there): delays count from when the record entered the stage, a
 * field-anchored time from the field, working hours as usual; a time already past is
 * due now. `skip` when the anchor field is empty or the calendar has no working time.
 *
 * @example robotDueForExisting({ kind: 'delay', duration: { value: 1, unit: 'days' } }, deal, now, ruleSet, dir)
 */
export function robotDueForExisting(
  timing: Timing,
  record: RecordDoc,
  now: string,
  ruleSet: RuleSet,
  directory: DirectoryEntries,
): ExistingDue {
  const counted = timing.kind === 'delay' || timing.kind === 'after_previous';
  const from = counted ? (record.stageEnteredAt ?? now) : now;
  const plan = planDueTime(timing, record, from < now ? from : now, ruleSet, directory);
  if (plan.kind === 'skip') return { kind: 'skip', code: plan.code };
  if (plan.kind === 'now' || plan.dueAt <= now) return { kind: 'at', dueAt: now };
  return plan;
}

/** A `date_reached` trigger's moment for a record (a moment past is due now). */
export function triggerDueForExisting(rule: Rule, record: RecordDoc, now: string): ExistingDue {
  const raw = rawDueTime(dateTriggerTiming(rule), record.fields, now);
  if (typeof raw !== 'string') return { kind: 'skip', code: 'anchor_empty' };
  return { kind: 'at', dueAt: raw < now ? now : raw };
}
