import { isEmpty } from '../../../schemas/index.js';
import type { RecordDoc } from '../../domain/record.js';
import type { TimelineEntry } from '../../domain/timeline.js';
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

/**
 * Whether an entry says the robot waits for its anchor in the record's current stage
 * visit: skipped on entry, or its timer cancelled because the field was cleared.
 */
function waits(e: TimelineEntry, record: RecordDoc): boolean {
  if (e.data?.stageEnteredAt !== (record.stageEnteredAt ?? null)) return false;
  return (
    (e.outcome === 'skipped' && e.data.reason === ANCHOR_EMPTY) ||
    (e.kind === 'timer_cancelled' && e.data.reason === 'anchor_cleared')
  );
}

/** Outcomes that mean the robot had its turn (or was planned) after waiting. */
const DONE = new Set(['scheduled', 'fired', 'condition_false']);

/**
 * Robots of the record's current stage whose anchor field (now in `changed` and set)
 * was empty when they were due to be planned (skipped on entry, or their timer
 * cancelled when the field was cleared), and were not planned since. Found in the
 * record's timeline (`data.reason` with the `stageEnteredAt` of this visit), so
 * nothing extra is stored. Robots with
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
    // Ids are sortable by time: the robot's latest word in the timeline decides.
    const last = timeline
      .filter((e) => e.ruleId === p.rule.id && (DONE.has(e.outcome ?? '') || waits(e, record)))
      .sort((x, y) => x.id.localeCompare(y.id))
      .at(-1);
    if (last?.eventId !== undefined && waits(last, record))
      out.push({ prepared: p, eventId: last.eventId });
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
