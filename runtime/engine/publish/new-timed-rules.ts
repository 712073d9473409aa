import type { Rule, RuleSet } from '../../../schemas/index.js';

/** A rule the new version adds that plans a timer for records already in place. */
export interface NewTimedRule {
  rule: Rule;
  kind: 'date_trigger' | 'delayed_robot';
}

/**
 * `date_reached` triggers and delayed robots (`delay`, `relative_to_field`) that the new
 * version adds (ids the live version lacks, or a robot now in another stage): records
 * already in their pipeline (triggers) or stage (robots) get no timer from them unless
 * publishing is asked to plan them (`existingRecords: "include_existing"`).
 * `after_previous` robots are planned by the robot before them, so they are not listed.
 *
 * @example newTimedRules(live, next) // [{ rule: { id: 'trigger:due', ... }, kind: 'date_trigger' }]
 */
export function newTimedRules(live: RuleSet | undefined, next: RuleSet): NewTimedRule[] {
  const out: NewTimedRule[] = [];
  for (const rule of next.rules) {
    const old = live?.rules.find((r) => r.id === rule.id);
    const isNew = old === undefined || old.pipeline !== rule.pipeline || old.stage !== rule.stage;
    if (rule.source.kind === 'trigger') {
      if (rule.event === 'date_reached' && (old === undefined || old.pipeline !== rule.pipeline))
        out.push({ rule, kind: 'date_trigger' });
      continue;
    }
    const timed = rule.timing?.kind === 'delay' || rule.timing?.kind === 'relative_to_field';
    if (isNew && timed) out.push({ rule, kind: 'delayed_robot' });
  }
  return out;
}
