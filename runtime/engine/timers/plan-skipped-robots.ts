import { isEmpty } from '../../../schemas/index.js';
import type { RecordDoc } from '../../store/store-types.js';
import type { PreparedRule, PreparedRuleSet } from '../prepared-rule-set.js';
import { log, type EngineEvent, type RunContext } from '../run-context.js';
import { planDueTime } from './plan-due-time.js';
import { scheduleTimer } from './schedule-timer.js';

/** What the skip entry of a robot without an anchor date says (read back by the planner). */
const ANCHOR_EMPTY = 'anchor_empty';

/** Runs a robot at once (the engine's condition check, actions and timeline). */
export type RunRobotNow = (
  set: PreparedRuleSet,
  prepared: PreparedRule,
  record: RecordDoc,
  event: EngineEvent,
  idempotencyKey: string,
) => Promise<void>;

export interface SkippedRobot {
  prepared: PreparedRule;
  /** The stage entry the robot was skipped on: its run keeps that event's id. */
  eventId: string;
}

/** Outcomes that mean the robot already had its turn in this stage visit. */
const DONE = new Set(['scheduled', 'fired', 'condition_false']);

/**
 * Robots of the record's current stage that were skipped on entry because their
 * anchor field (now in `changed` and set) was empty, and were not planned since. The
 * skip is found in the record's timeline (`data.reason: anchor_empty` with the
 * `stageEnteredAt` of this visit), so nothing extra is stored. Robots with
 * `onAnchorChange: "keep"` stay skipped: anchor changes do not touch them.
 */
async function skippedForEmptyAnchor(
  ctx: RunContext,
  set: PreparedRuleSet,
  record: RecordDoc,
  changed: readonly string[],
): Promise<SkippedRobot[]> {
  if (record.pipeline === undefined || record.stage === undefined) return [];
  const candidates = set.robots(record.entity, record.pipeline, record.stage).filter((p) => {
    const t = p.rule.timing;
    return (
      t?.kind === 'relative_to_field' &&
      changed.includes(t.field) &&
      !isEmpty(record.fields[t.field]) &&
      (p.rule.onAnchorChange ?? 'replan') === 'replan'
    );
  });
  // Reading the timeline only when a robot of this stage is anchored to a changed field.
  if (candidates.length === 0) return [];
  const timeline = await ctx.tx.listByRecord('timeline', record.id);
  const out: SkippedRobot[] = [];
  for (const p of candidates) {
    const skip = timeline
      .filter(
        (e) =>
          e.ruleId === p.rule.id &&
          e.outcome === 'skipped' &&
          e.data?.reason === ANCHOR_EMPTY &&
          e.data.stageEnteredAt === record.stageEnteredAt,
      )
      .at(-1);
    if (skip?.eventId === undefined) continue;
    const done = timeline.some(
      (e) => e.ruleId === p.rule.id && e.eventId === skip.eventId && DONE.has(e.outcome ?? ''),
    );
    if (!done) out.push({ prepared: p, eventId: skip.eventId });
  }
  return out;
}

/**
 * Plans the robots of the record's current stage that were skipped on entry because
 * a `changed` field (their anchor) was empty: a timer, or at once when the time is
 * past. They keep the stage entry's event id, so their effects are still done once.
 */
export async function planSkippedRobots(
  ctx: RunContext,
  recordId: string,
  changed: readonly string[],
  runNow: RunRobotNow,
): Promise<void> {
  const record = await ctx.tx.get('records', recordId);
  const set = record?.model === undefined ? undefined : ctx.versions.get(record.model);
  if (record === undefined || set === undefined) return;
  for (const { prepared, eventId } of await skippedForEmptyAnchor(ctx, set, record, changed)) {
    // An earlier robot of this loop may have moved the record on.
    const cur = await ctx.tx.get('records', recordId);
    if (cur === undefined || cur.stage !== record.stage || cur.pipeline !== record.pipeline) return;
    const r = prepared.rule;
    const field = r.timing?.kind === 'relative_to_field' ? r.timing.field : '';
    const base = {
      kind: 'rule',
      ruleId: r.id,
      eventId,
      modelId: set.modelId,
      version: set.version,
    };
    log(ctx, recordId, {
      ...base,
      outcome: 'anchor_set',
      message: `${r.id}: skipped on entry, planned now that ${field} has a value`,
      data: { reason: 'anchor_set', field },
    });
    const event: EngineEvent = { id: eventId, kind: 'stage_entered', recordId };
    const key = `${r.id}|${recordId}|${eventId}`;
    const plan = planDueTime(r.timing, cur, ctx.now, set.ruleSet, ctx.directory);
    if (plan.kind === 'at') scheduleTimer(ctx, set, prepared, cur, event, key, plan);
    else if (plan.kind === 'now') await runNow(set, prepared, cur, event, key);
    else log(ctx, recordId, { ...base, outcome: 'skipped', message: `${r.id}: ${plan.reason}` });
  }
}
