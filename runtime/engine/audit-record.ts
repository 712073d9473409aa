import type { Actor } from '../domain/actor.js';
import type { Cause } from './action-host.js';
import { appendAudit, type AuditInput } from './append-audit.js';
import type { RunContext } from './run-context.js';

/**
 * The robot or trigger behind a rule id, as an actor: its model and version are the
 * ones the run pinned (the record's model first, since rule ids are unique only
 * within a rule set).
 */
export function robotActor(ctx: RunContext, ruleId: string, model?: string): Actor {
  const sets = [
    ...(model === undefined ? [] : [ctx.versions.get(model)]),
    ...ctx.versions.values(),
  ];
  for (const set of sets) {
    const rule = set?.byId.get(ruleId);
    if (set === undefined || rule === undefined) continue;
    return {
      kind: 'robot',
      modelId: set.modelId,
      version: set.version,
      ruleId,
      ruleName: rule.rule.source.id,
    };
  }
  return { kind: 'robot', modelId: model ?? '', version: 0, ruleId };
}

/**
 * Audits a change the engine made to a record: a robot's or trigger's (named as the
 * actor, with its model, version and rule) or the request's (the unit of work's actor).
 */
export function auditRecord(
  ctx: RunContext,
  cause: Cause,
  model: string | undefined,
  input: AuditInput,
): void {
  const robot = cause.ruleId === undefined ? undefined : robotActor(ctx, cause.ruleId, model);
  appendAudit(ctx.tx, ctx, { ...input, ...(robot === undefined ? {} : { actor: robot }) });
}
