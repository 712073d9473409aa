import type { RecordDoc } from '../../domain/record.js';
import type { TimerDoc } from '../../domain/timer.js';
import type { PreparedRule, PreparedRuleSet } from '../prepared-rule-set.js';
import { log, type RunContext } from '../run-context.js';

export interface ReadyTimer {
  set: PreparedRuleSet;
  prepared: PreparedRule;
  record: RecordDoc;
}

/**
 * A due timer's first step, in the batch that runs it: delete it, re-read the record and
 * re-check its stage (the condition is checked by the robot run that follows). Says in
 * the timeline why a timer did not run. `undefined` means: nothing more to do.
 */
export async function readyToFire(
  ctx: RunContext,
  timer: TimerDoc,
): Promise<ReadyTimer | undefined> {
  ctx.tx.delete('timers', timer.id);
  const record = await ctx.tx.get('records', timer.recordId);
  if (record === undefined) return undefined;
  const set = ctx.versions.get(timer.modelId);
  const prepared = set?.byId.get(timer.ruleId);
  const base = { ruleId: timer.ruleId, eventId: timer.eventId, modelId: timer.modelId };
  if (set === undefined || prepared === undefined) {
    log(ctx, record.id, {
      ...base,
      kind: 'timer_dropped',
      version: timer.version,
      outcome: 'skipped',
      message: `${timer.ruleId}: timer due ${timer.dueAt} dropped: model ${timer.modelId} or its rule is gone`,
      data: { timerId: timer.id, reason: 'version_missing' },
    });
    return undefined;
  }
  if (
    timer.source === 'trigger' &&
    (record.pipeline !== timer.pipeline || record.model !== timer.modelId)
  ) {
    log(ctx, record.id, {
      ...base,
      kind: 'rule',
      version: set.version,
      outcome: 'wrong_pipeline',
      message: `${timer.ruleId}: date reached but the record is no longer in ${timer.pipeline}`,
      data: { timerId: timer.id, reason: 'left_pipeline' },
    });
    return undefined;
  }
  const moved = record.stage !== timer.stage || record.pipeline !== timer.pipeline;
  if (timer.source !== 'trigger' && moved && timer.onLeaveStage === 'cancel') {
    log(ctx, record.id, {
      ...base,
      kind: 'rule',
      version: set.version,
      outcome: 'wrong_stage',
      message: `${timer.ruleId}: timer fired but the record is no longer in ${timer.stage}`,
      data: { timerId: timer.id, reason: 'left_stage' },
    });
    return undefined;
  }
  const late = Date.parse(ctx.now) - Date.parse(timer.dueAt);
  log(ctx, record.id, {
    kind: 'timer_fired',
    ruleId: timer.ruleId,
    modelId: set.modelId,
    version: set.version,
    message: `timer due ${timer.dueAt} fired`,
    data: { timerId: timer.id, dueAt: timer.dueAt, lateMs: late },
  });
  return { set, prepared, record };
}
