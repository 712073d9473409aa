import { formatInZone } from '../../calendar/format-in-zone.js';
import { chainSnapshot } from '../loop-guard.js';
import { log, type RunContext } from '../run-context.js';
import { cancelTimer } from './cancel-timer.js';
import { planDueTime } from './plan-due-time.js';

/**
 * Re-plans the record's `relative_to_field` timers whose anchor field changed (policy
 * `replan`, the default; `keep` leaves them). A new time already past makes the timer
 * due at once; a cleared field cancels it; working hours apply again.
 */
export async function replanOnAnchorChange(
  ctx: RunContext,
  recordId: string,
  changed: readonly string[],
): Promise<void> {
  const record = await ctx.tx.get('records', recordId);
  if (record === undefined) return;
  for (const t of await ctx.tx.listByRecord('timers', recordId)) {
    const timing = t.timing;
    if (timing?.kind !== 'relative_to_field' || !changed.includes(timing.field)) continue;
    if ((t.onAnchorChange ?? 'replan') !== 'replan') continue;
    // Calendars come from the model's active version: the timer's own may be older.
    const ruleSet = ctx.versions.get(t.modelId)?.ruleSet;
    if (ruleSet === undefined) continue;
    const plan = planDueTime(timing, record, ctx.now, ruleSet, ctx.directory);
    if (plan.kind === 'skip') {
      // stageEnteredAt: a robot waiting again for its anchor in this visit (plan-skipped-robots).
      cancelTimer(ctx, t, plan.code === 'anchor_empty' ? 'anchor_cleared' : 'no_working_time', {
        stageEnteredAt: record.stageEnteredAt ?? null,
      });
      continue;
    }
    const dueAt = plan.kind === 'now' ? ctx.now : plan.dueAt;
    if (dueAt === t.dueAt) continue;
    const { plannedFor: _old, chain: _planner, ...rest } = t;
    // The new time is this run's doing: firing continues this run's chain.
    const chain = chainSnapshot(ctx);
    ctx.tx.put('timers', t.id, {
      ...rest,
      ...(chain === undefined ? {} : { chain }),
      dueAt,
      ...(plan.kind === 'at' && plan.plannedFor !== undefined
        ? { plannedFor: plan.plannedFor }
        : {}),
    });
    const zone = plan.kind === 'at' ? plan.timeZone : undefined;
    const local = zone === undefined ? undefined : formatInZone(dueAt, zone);
    log(ctx, recordId, {
      kind: 'timer_replanned',
      ruleId: t.ruleId,
      modelId: t.modelId,
      version: t.version,
      message: `pending ${t.ruleId} re-planned from ${t.dueAt} to ${dueAt}${
        local === undefined ? '' : ` (${local})`
      }: ${timing.field} changed`,
      data: {
        timerId: t.id,
        from: t.dueAt,
        to: dueAt,
        reason: 'anchor_changed',
        field: timing.field,
        ...(zone === undefined ? {} : { timeZone: zone }),
        ...(local === undefined ? {} : { toLocal: local }),
      },
    });
  }
}
