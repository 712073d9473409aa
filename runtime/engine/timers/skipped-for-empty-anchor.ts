import { isEmpty } from '../../../schemas/index.js';
import type { RecordDoc } from '../../store/store-types.js';
import type { PreparedRule, PreparedRuleSet } from '../prepared-rule-set.js';
import type { RunContext } from '../run-context.js';

/** What the skip entry of a robot without an anchor date says (read back by the planner). */
export const ANCHOR_EMPTY = 'anchor_empty';

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
export async function skippedForEmptyAnchor(
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
