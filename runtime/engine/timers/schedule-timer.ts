import { formatInZone } from '../../calendar/format-in-zone.js';
import type { RecordDoc } from '../../domain/record.js';
import type { TimerDoc } from '../../domain/timer.js';
import type { PreparedRuleSet, PreparedRule } from '../prepared-rule-set.js';
import { chainSnapshot } from '../loop-guard.js';
import { log, type EngineEvent, type RunContext } from '../run-context.js';
import type { DuePlan } from './plan-due-time.js';

/**
 * Persists a timer for a robot (in the run's batch, so it is on disk before the event
 * that caused it is acknowledged) and records it in the record's timeline.
 */
export function scheduleTimer(
  ctx: RunContext,
  set: PreparedRuleSet,
  p: PreparedRule,
  record: RecordDoc,
  event: EngineEvent,
  idempotencyKey: string,
  plan: Extract<DuePlan, { kind: 'at' }>,
  followers: readonly string[] = [],
): TimerDoc {
  const r = p.rule;
  const id = ctx.ids.next('tmr');
  const chain = chainSnapshot(ctx);
  const timer: TimerDoc = {
    id,
    dueAt: plan.dueAt,
    ruleId: r.id,
    recordId: record.id,
    entity: record.entity,
    modelId: set.modelId,
    version: set.version,
    pipeline: record.pipeline ?? '',
    stage: record.stage ?? '',
    eventId: event.id,
    idempotencyKey,
    onLeaveStage: r.onLeaveStage ?? 'cancel',
    ...(r.timing === undefined ? {} : { timing: r.timing }),
    ...(r.timing?.kind === 'relative_to_field'
      ? { onAnchorChange: r.onAnchorChange ?? 'replan' }
      : {}),
    ...(plan.plannedFor === undefined ? {} : { plannedFor: plan.plannedFor }),
    ...(followers.length === 0 ? {} : { followers: [...followers] }),
    // Delayed robots see the event as it was when they were planned.
    ...(event.payload === undefined ? {} : { payload: event.payload }),
    // Firing continues this chain: the loop guard counts through the delay.
    ...(chain === undefined ? {} : { chain }),
  };
  ctx.tx.put('timers', id, timer);
  const local = plan.timeZone === undefined ? undefined : formatInZone(plan.dueAt, plan.timeZone);
  const how =
    plan.workingHours === 'count'
      ? `counted in working time of calendar ${plan.calendar ?? ''}`
      : plan.plannedFor === undefined
        ? `working hours of calendar ${plan.calendar ?? ''}`
        : `moved from ${plan.plannedFor} into working hours of calendar ${plan.calendar ?? ''}`;
  const moved =
    plan.calendar === undefined ? '' : ` (${local === undefined ? '' : `${local}; `}${how})`;
  log(ctx, record.id, {
    kind: 'rule',
    ruleId: r.id,
    eventId: event.id,
    modelId: set.modelId,
    version: set.version,
    outcome: 'scheduled',
    message: `${r.id}: scheduled for ${plan.dueAt}${moved}${
      followers.length === 0 ? '' : `; then ${followers.join(', ')}`
    }`,
    data: {
      timerId: id,
      dueAt: plan.dueAt,
      ...(plan.plannedFor === undefined ? {} : { plannedFor: plan.plannedFor }),
      // The calendar's zone lets timelines show the due time as its people read it.
      ...(plan.calendar === undefined
        ? {}
        : {
            calendar: plan.calendar,
            timeZone: plan.timeZone,
            workingHours: plan.workingHours,
            ...(local === undefined ? {} : { dueAtLocal: local }),
          }),
      ...(followers.length === 0 ? {} : { followers }),
    },
  });
  return timer;
}
