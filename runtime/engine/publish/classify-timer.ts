import { canonicalize, type Rule, type RuleSet, type Timing } from '../../../schemas/index.js';
import type { TimerDoc } from '../../domain/timer.js';
import { dateTriggerTiming } from '../timers/date-triggers.js';

/** Why publishing cancels a pending timer. */
export type PublishCancelReason = 'rule_removed' | 'stage_removed';

/** What publishing a new version does to one pending timer of the model. */
export type TimerFate =
  | { kind: 'keep' }
  | { kind: 'cancel'; reason: PublishCancelReason }
  | { kind: 'replan'; rule: Rule; timing: Timing };

const same = (a: unknown, b: unknown): boolean =>
  JSON.stringify(canonicalize(a ?? null)) === JSON.stringify(canonicalize(b ?? null));

function stageExists(ruleSet: RuleSet, pipeline: string, stage: string): boolean {
  return ruleSet.pipelines.some((p) => p.key === pipeline && p.stages.some((s) => s.key === stage));
}

/**
 * A pending timer under the version about to be published: cancelled when its robot
 * or trigger is gone (or its stage, or the robot now sits in another stage),
 * re-planned when its timing (a date trigger's field and offset, or its target stage)
 * changed, kept otherwise (it then still runs under the version that planned it).
 *
 * @example classifyTimer(timer, next) // { kind: 'cancel', reason: 'rule_removed' }
 */
export function classifyTimer(timer: TimerDoc, next: RuleSet): TimerFate {
  const rule = next.rules.find((r) => r.id === timer.ruleId);
  if (timer.source === 'trigger') {
    if (!next.pipelines.some((p) => p.key === timer.pipeline))
      return { kind: 'cancel', reason: 'stage_removed' };
    if (rule === undefined || rule.event !== 'date_reached' || rule.pipeline !== timer.pipeline)
      return { kind: 'cancel', reason: 'rule_removed' };
    const timing = dateTriggerTiming(rule);
    return same(timing, timer.timing) && rule.stage === timer.stage
      ? { kind: 'keep' }
      : { kind: 'replan', rule, timing };
  }
  if (!stageExists(next, timer.pipeline, timer.stage))
    return { kind: 'cancel', reason: 'stage_removed' };
  if (rule === undefined || rule.pipeline !== timer.pipeline || rule.stage !== timer.stage)
    return { kind: 'cancel', reason: 'rule_removed' };
  const timing: Timing = rule.timing ?? { kind: 'immediate' };
  return same(rule.timing, timer.timing) ? { kind: 'keep' } : { kind: 'replan', rule, timing };
}
