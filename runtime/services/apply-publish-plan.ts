import type { ExistingRecords, PublishEffects } from '../../schemas/api/publish-preview-schemas.js';
import { formatInZone } from '../calendar/format-in-zone.js';
import type { PreparedRuleSet } from '../engine/prepared-rule-set.js';
import { log, type RunContext } from '../engine/run-context.js';
import { cancelTimer } from '../engine/timers/cancel-timer.js';
import { scheduleDateTrigger } from '../engine/timers/date-triggers.js';
import { scheduleTimer } from '../engine/timers/schedule-timer.js';
import type { TimerDoc } from '../domain/timer.js';
import type { PlannedNewRule, PlannedReplan, PublishPlan } from './plan-publish.js';

/** Moves a timer to the new version's timing and due time, and says so in the timeline. */
function replan(ctx: RunContext, set: PreparedRuleSet, r: PlannedReplan): void {
  const { timer: t, rule, timing, due } = r;
  const { plannedFor: _old, ...rest } = t;
  const next: TimerDoc = {
    ...rest,
    version: set.version,
    dueAt: due.dueAt,
    timing,
    ...(t.source === 'trigger'
      ? { stage: rule.stage }
      : {
          onLeaveStage: rule.onLeaveStage ?? 'cancel',
          ...(timing.kind === 'relative_to_field'
            ? { onAnchorChange: rule.onAnchorChange ?? 'replan' }
            : {}),
        }),
    ...(due.plannedFor === undefined ? {} : { plannedFor: due.plannedFor }),
  };
  ctx.tx.put('timers', t.id, next);
  const local = due.timeZone === undefined ? undefined : formatInZone(due.dueAt, due.timeZone);
  log(ctx, t.recordId, {
    kind: 'timer_replanned',
    ruleId: t.ruleId,
    modelId: set.modelId,
    version: set.version,
    message: `pending ${t.ruleId} re-planned from ${t.dueAt} to ${due.dueAt}${
      local === undefined ? '' : ` (${local})`
    }: version ${set.version} changed its timing`,
    data: {
      timerId: t.id,
      from: t.dueAt,
      to: due.dueAt,
      reason: 'timing_changed',
      fromVersion: t.version,
      ...(due.timeZone === undefined ? {} : { timeZone: due.timeZone }),
      ...(local === undefined ? {} : { toLocal: local }),
    },
  });
}

/** Robots after `ruleId` in its stage timed `after_previous` and new in this version too. */
function newFollowers(set: PreparedRuleSet, n: PlannedNewRule, fresh: Set<string>): string[] {
  const robots = set.robots(n.rule.entity, n.rule.pipeline, n.rule.stage);
  const at = robots.findIndex((p) => p.rule.id === n.rule.id);
  const out: string[] = [];
  for (const p of robots.slice(at + 1)) {
    if (p.rule.timing?.kind !== 'after_previous' || !fresh.has(p.rule.id)) break;
    out.push(p.rule.id);
  }
  return out;
}

/** Plans a new timed rule's timers for the records already in place. */
async function planExisting(
  ctx: RunContext,
  set: PreparedRuleSet,
  n: PlannedNewRule,
  fresh: Set<string>,
): Promise<number> {
  const prepared = set.byId.get(n.rule.id);
  if (prepared === undefined) return 0;
  const followers = n.impact.kind === 'delayed_robot' ? newFollowers(set, n, fresh) : [];
  let planned = 0;
  for (const target of n.targets) {
    const record = await ctx.tx.get('records', target.recordId);
    if (record === undefined) continue;
    if (n.impact.kind === 'date_trigger') {
      scheduleDateTrigger(ctx, set, record, n.rule, target.due.dueAt);
    } else {
      // Its own event: the record's stage entry happened under an older version.
      const event = {
        id: ctx.ids.next('evt'),
        kind: 'stage_entered' as const,
        recordId: record.id,
      };
      const key = `${n.rule.id}|${record.id}|${event.id}`;
      scheduleTimer(ctx, set, prepared, record, event, key, target.due, followers);
    }
    planned += 1;
  }
  return planned;
}

/**
 * Applies a publish plan in the publishing batch, under the version just activated:
 * cancels and re-plans pending timers (each with its timeline entry) and, with
 * `include_existing`, plans the new timed rules for records already in place.
 */
export async function applyPublishPlan(
  ctx: RunContext,
  set: PreparedRuleSet,
  plan: PublishPlan,
  existing: ExistingRecords,
): Promise<PublishEffects> {
  for (const c of plan.cancel)
    cancelTimer(ctx, c.timer, c.reason, { publishedVersion: set.version });
  for (const r of plan.replan) replan(ctx, set, r);
  let planned = 0;
  if (existing === 'include_existing') {
    const fresh = new Set(plan.fresh);
    for (const n of plan.newRules) planned += await planExisting(ctx, set, n, fresh);
  }
  return { cancelled: plan.cancel.length, replanned: plan.replan.length, kept: plan.kept, planned };
}
