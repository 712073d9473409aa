import type { Action } from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import type { DirectoryView } from './directory-view.js';
import type { PreparedRule, PreparedRuleSet } from './prepared-rule-set.js';
import type { EngineEvent, RunContext } from './run-context.js';

/**
 * What caused a change; `payload`: the external event behind it (the next stage's robots
 * see it); `recordId`: the record whose robot or trigger made the change (the loop guard
 * records a stop there).
 */
export interface Cause {
  ruleId?: string;
  eventId: string;
  payload?: Record<string, unknown>;
  recordId?: string;
}

/** What an action may ask of the engine (changes that emit events in turn). */
export interface ActionHost {
  move(
    ctx: RunContext,
    recordId: string,
    pipeline: string,
    stage: string,
    cause: Cause,
  ): Promise<{ ok: boolean; message: string; stopped?: true }>;
  setFields(
    ctx: RunContext,
    recordId: string,
    changes: Record<string, unknown>,
    cause: Cause,
  ): Promise<string[]>;
  createRecord(
    ctx: RunContext,
    input: {
      entity: RecordDoc['entity'];
      model?: string;
      pipeline?: string;
      stage?: string;
      fields: Record<string, unknown>;
      links?: RecordDoc['links'];
    },
    cause: Cause,
  ): Promise<RecordDoc | undefined>;
  link(ctx: RunContext, a: RecordDoc, b: RecordDoc, cause?: Cause): Promise<void>;
}

/** Everything one action run needs. */
export interface ActionInput {
  readonly ctx: RunContext;
  readonly host: ActionHost;
  readonly set: PreparedRuleSet;
  readonly prepared: PreparedRule;
  readonly action: Action;
  readonly index: number;
  readonly record: RecordDoc;
  readonly event: EngineEvent;
  readonly dir: DirectoryView;
  readonly idempotencyKey: string;
}

export interface ActionOutcome {
  /** `stopped`: the loop guard stopped the chain at this action (it did nothing). */
  outcome: 'done' | 'failed' | 'skipped' | 'stopped';
  message: string;
  data?: Record<string, unknown>;
}
