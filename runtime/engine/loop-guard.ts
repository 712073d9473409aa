import { LOOP_GUARD_DEFAULTS, type LoopGuard } from '../../schemas/index.js';
import type { CausationChain } from '../domain/causation-chain.js';
import type { RecordDoc } from '../domain/record.js';
import type { PreparedRule, PreparedRuleSet } from './prepared-rule-set.js';
import { log, type EngineEvent, type RunContext } from './run-context.js';

export type ChainOrigin = CausationChain['origin'];
export type LoopLimits = Readonly<Required<LoopGuard>>;

/** Why the guard stopped a chain. */
export type StopReason = 'max_steps' | 'max_created_records' | 'max_stage_changes';

/** Where the guard stopped a chain: the record, and the event and rule at work. */
export interface StopPoint {
  recordId: string;
  eventId?: string;
  ruleId?: string;
}

/** The limits of a model's version: its `settings.loopGuard`, the defaults for the rest. */
export function loopGuardOf(set: PreparedRuleSet | undefined): LoopLimits {
  return { ...LOOP_GUARD_DEFAULTS, ...set?.ruleSet.loopGuard };
}

/** Starts the run's chain at its origin, unless the run continues one (a timer's). */
export function startChain(ctx: RunContext, origin: ChainOrigin): void {
  ctx.chain ??= { origin, steps: 0, created: 0 };
}

/** A copy of the chain as it is now, for a timer to carry into the run that fires it. */
export function chainSnapshot(ctx: RunContext): CausationChain | undefined {
  const c = ctx.chain;
  return c === undefined
    ? undefined
    : { origin: { ...c.origin }, steps: c.steps, created: c.created };
}

/** Continues a timer's chain (a copy: the stored timer is not touched). */
export function continueChain(ctx: RunContext, chain: CausationChain): void {
  ctx.chain = { origin: { ...chain.origin }, steps: chain.steps, created: chain.created };
}

/** Counts one step of the chain (an event handled, a delayed robot fired); false: stopped. */
export function countStep(ctx: RunContext, limits: LoopLimits, at: StopPoint): boolean {
  const chain = ctx.chain;
  if (chain === undefined || ctx.stopped) return !ctx.stopped;
  chain.steps += 1;
  if (chain.steps <= limits.maxSteps) return true;
  stopChain(ctx, at, 'max_steps', limits.maxSteps, chain.steps);
  return false;
}

/** Counts a record the chain's robots or triggers are about to create; false: stopped. */
export function countCreated(ctx: RunContext, limits: LoopLimits, at: StopPoint): boolean {
  const chain = ctx.chain;
  if (chain === undefined || ctx.stopped) return !ctx.stopped;
  if (chain.created + 1 <= limits.maxCreatedRecords) {
    chain.created += 1;
    return true;
  }
  stopChain(ctx, at, 'max_created_records', limits.maxCreatedRecords, chain.created + 1);
  return false;
}

function described(reason: StopReason, limit: number, count: number): string {
  switch (reason) {
    case 'max_steps':
      return `step ${count} of this chain is past its limit of ${limit} (settings.loopGuard.maxSteps)`;
    case 'max_created_records':
      return `record ${count} this chain would create is past its limit of ${limit} (settings.loopGuard.maxCreatedRecords)`;
    case 'max_stage_changes':
      return `stage change ${count} of this record in one run is past the limit of ${limit}`;
  }
}

/**
 * Stops the run's chain: nothing more of it runs (what was queued is recorded as not
 * run). Says so in the timeline of the record where it stopped and of the record where
 * the chain started (once when they are the same).
 */
export function stopChain(
  ctx: RunContext,
  at: StopPoint,
  reason: StopReason,
  limit: number,
  count: number,
  detail = '',
): void {
  ctx.stopped = true;
  const chain = ctx.chain;
  const origin = chain?.origin;
  const why = described(reason, limit, count);
  const started =
    origin === undefined
      ? ''
      : `; the chain started with ${origin.kind} of ${origin.recordId} at ${origin.at}`;
  const data = {
    reason,
    limit,
    count,
    steps: chain?.steps ?? 0,
    created: chain?.created ?? 0,
    stoppedAt: at.recordId,
    ...(origin === undefined ? {} : { origin: { ...origin } }),
  };
  log(ctx, at.recordId, {
    kind: 'loop_stopped',
    outcome: 'stopped',
    ...(at.eventId === undefined ? {} : { eventId: at.eventId }),
    ...(at.ruleId === undefined ? {} : { ruleId: at.ruleId }),
    message: `loop stopped: ${why}${detail}${started}`,
    data,
  });
  if (origin === undefined || origin.recordId === at.recordId) return;
  log(ctx, origin.recordId, {
    kind: 'loop_stopped',
    outcome: 'stopped',
    eventId: origin.eventId,
    message: `loop stopped at ${at.recordId}: ${why}${detail}; the chain started here with ${origin.kind} at ${origin.at}`,
    data,
  });
}

/** A robot the stopped chain does not run, said in the record's timeline. */
export function logRobotNotRun(
  ctx: RunContext,
  set: PreparedRuleSet,
  p: PreparedRule,
  record: RecordDoc,
  event: EngineEvent,
): void {
  log(ctx, record.id, {
    kind: 'rule',
    ruleId: p.rule.id,
    eventId: event.id,
    modelId: set.modelId,
    version: set.version,
    outcome: 'stopped',
    message: `${p.rule.id}: not run, the loop guard stopped this chain`,
  });
}

/** An event of the stopped chain: recorded as not handled, with each robot it would have run. */
export function logEventNotRun(
  ctx: RunContext,
  set: PreparedRuleSet | undefined,
  record: RecordDoc,
  event: EngineEvent,
): void {
  log(ctx, record.id, {
    kind: 'event',
    eventId: event.id,
    outcome: 'stopped',
    message: `${event.kind}${event.field ? ` ${event.field}` : ''}: not handled, the loop guard stopped this chain`,
    ...(set ? { modelId: set.modelId, version: set.version } : {}),
  });
  if (set === undefined || event.kind !== 'stage_entered' || event.to === undefined) return;
  for (const p of set.robots(record.entity, event.to.pipeline, event.to.stage))
    logRobotNotRun(ctx, set, p, record, event);
}
