import {
  pipelineDisplayName,
  quoted,
  stageDisplayName,
  type NamedPipeline,
} from '../../../schemas/index.js';
import type { TimerDoc } from '../../domain/timer.js';
import { log, type RunContext } from '../run-context.js';

/** Why a pending timer was dropped; kept in the timeline entry's `data.reason`. */
export type CancelReason =
  | 'left_stage'
  | 'left_pipeline'
  | 'anchor_cleared'
  | 'no_working_time'
  | 'cancelled_by_api'
  | 'rule_removed'
  | 'stage_removed';

/** `names`: the timer's version's pipelines, so the reason names stages as the admin did. */
const WHY: Record<CancelReason, (t: TimerDoc, names: readonly NamedPipeline[]) => string> = {
  left_stage: (t, names) =>
    `the record left ${quoted(stageDisplayName(names, t.pipeline, t.stage))}`,
  left_pipeline: (t, names) =>
    `the record left pipeline ${quoted(pipelineDisplayName(names, t.pipeline))}`,
  anchor_cleared: (t) =>
    `its anchor field ${t.timing?.kind === 'relative_to_field' ? t.timing.field : ''} was cleared`,
  no_working_time: () =>
    'its calendar has no working time in the next 400 days (or not enough to count its delay within two years)',
  cancelled_by_api: () => 'cancelled by a user (DELETE /api/timers/:id)',
  rule_removed: (t, names) =>
    `the version published since has no such rule in ${quoted(stageDisplayName(names, t.pipeline, t.stage))}`,
  stage_removed: (t, names) =>
    `the version published since has no stage ${quoted(stageDisplayName(names, t.pipeline, t.stage))}`,
};

/** Deletes a pending timer in the run's batch and says why in the record's timeline. */
export function cancelTimer(
  ctx: RunContext,
  timer: TimerDoc,
  reason: CancelReason,
  extra: Record<string, unknown> = {},
): void {
  ctx.tx.delete('timers', timer.id);
  // The after_previous robots waiting for it are planned only when it fires.
  const waiting =
    timer.followers === undefined ? '' : `; ${timer.followers.join(', ')} after it will not run`;
  log(ctx, timer.recordId, {
    kind: 'timer_cancelled',
    ruleId: timer.ruleId,
    eventId: timer.eventId,
    modelId: timer.modelId,
    version: timer.version,
    message: `pending ${timer.ruleId} (due ${timer.dueAt}) cancelled: ${WHY[reason](timer, ctx.versions.get(timer.modelId)?.ruleSet.pipelines ?? [])}${waiting}`,
    data: {
      timerId: timer.id,
      dueAt: timer.dueAt,
      reason,
      // The stage it waited in, so the designer names it in the admin's words.
      stage: timer.stage,
      ...(timer.followers === undefined ? {} : { followers: timer.followers }),
      ...extra,
    },
  });
}

/** Cancels the record's timers planned in the stage it left, unless their robot keeps them. */
export async function cancelOnLeave(
  ctx: RunContext,
  recordId: string,
  from: { pipeline?: string; stage?: string },
): Promise<void> {
  for (const t of await ctx.tx.listByRecord('timers', recordId)) {
    if (t.onLeaveStage !== 'cancel') continue;
    if (t.stage !== from.stage || t.pipeline !== from.pipeline) continue;
    cancelTimer(ctx, t, 'left_stage');
  }
}
