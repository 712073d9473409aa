import type { Rule, Timing } from '../../../schemas/index.js';
import type { RecordDoc } from '../../domain/record.js';
import type { TimerDoc } from '../../domain/timer.js';
import type { PreparedRuleSet } from '../prepared-rule-set.js';
import { chainSnapshot } from '../loop-guard.js';
import { log, type RunContext } from '../run-context.js';
import { cancelTimer } from './cancel-timer.js';
import { rawDueTime } from './plan-due-time.js';

/**
 * A `date_reached` trigger's moment as a `relative_to_field` timing, so its timer is
 * re-planned (and cancelled when the field is cleared) by `replanOnAnchorChange` like
 * a robot's anchored timer.
 */
export function dateTriggerTiming(rule: Rule): Extract<Timing, { kind: 'relative_to_field' }> {
  const m = rule.match ?? {};
  return {
    kind: 'relative_to_field',
    field: m.field ?? '',
    direction: m.direction ?? 'after',
    offset: m.offset ?? { value: 0, unit: 'minutes' },
  };
}

const isDateTimer = (t: TimerDoc): boolean => t.source === 'trigger';

/**
 * Plans a timer for each `date_reached` trigger of the record's pipeline whose date
 * field is set and which has no pending timer yet: on create, on entering the
 * pipeline, and when the field changes (`changed`; an existing timer was already
 * re-planned by `replanOnAnchorChange`). A date already past is due at once: the date
 * has been reached. Each timer gets its own event id, so its effects are done once.
 */
export async function planDateTriggers(
  ctx: RunContext,
  recordId: string,
  changed?: readonly string[],
): Promise<void> {
  const record = await ctx.tx.get('records', recordId);
  if (record?.model === undefined || record.pipeline === undefined) return;
  const set = ctx.versions.get(record.model);
  if (set === undefined) return;
  const rules = set
    .triggers(record.entity, 'date_reached', record.pipeline)
    .filter((p) => changed === undefined || changed.includes(p.rule.match?.field ?? ''));
  if (rules.length === 0) return;
  const pending = (await ctx.tx.listByRecord('timers', recordId)).filter(isDateTimer);
  for (const { rule } of rules) {
    if (pending.some((t) => t.ruleId === rule.id)) continue;
    const raw = rawDueTime(dateTriggerTiming(rule), record.fields, ctx.now);
    if (typeof raw !== 'string') continue;
    scheduleDateTrigger(ctx, set, record, rule, raw < ctx.now ? ctx.now : raw);
  }
}

/**
 * Persists one `date_reached` trigger's timer for a record, due at `dueAt`, and says so
 * in the record's timeline. Its own event id makes its effects happen once.
 */
export function scheduleDateTrigger(
  ctx: RunContext,
  set: PreparedRuleSet,
  record: RecordDoc,
  rule: Rule,
  dueAt: string,
): TimerDoc {
  const recordId = record.id;
  const timing = dateTriggerTiming(rule);
  const id = ctx.ids.next('tmr');
  const eventId = ctx.ids.next('evt');
  const chain = chainSnapshot(ctx);
  const timer: TimerDoc = {
    id,
    dueAt,
    ruleId: rule.id,
    recordId,
    entity: record.entity,
    modelId: set.modelId,
    version: set.version,
    pipeline: rule.pipeline,
    stage: rule.stage,
    eventId,
    idempotencyKey: `${rule.id}|${recordId}|${eventId}`,
    onLeaveStage: 'keep',
    timing,
    onAnchorChange: 'replan',
    source: 'trigger',
    ...(chain === undefined ? {} : { chain }),
  };
  ctx.tx.put('timers', id, timer);
  log(ctx, recordId, {
    kind: 'rule',
    ruleId: rule.id,
    eventId,
    modelId: set.modelId,
    version: set.version,
    outcome: 'scheduled',
    message: `${rule.id}: ${timing.field} (${String(record.fields[timing.field])}) is reached at ${dueAt}`,
    data: { timerId: id, dueAt, field: timing.field, reason: 'date_reached' },
  });
  return timer;
}

/** Cancels the record's `date_reached` timers of pipelines other than the one it is in now. */
export async function dropDateTriggers(ctx: RunContext, recordId: string): Promise<void> {
  const record = await ctx.tx.get('records', recordId);
  for (const t of await ctx.tx.listByRecord('timers', recordId)) {
    if (!isDateTimer(t)) continue;
    if (t.pipeline === record?.pipeline && t.modelId === record.model) continue;
    cancelTimer(ctx, t, 'left_pipeline');
  }
}
