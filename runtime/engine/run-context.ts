import type { EntityType, RuleEvent } from '../../schemas/index.js';
import type { CausationChain } from '../domain/causation-chain.js';
import type { DirectoryEntries } from '../domain/directory.js';
import type { RecordDoc } from '../domain/record.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { Clock, IdGenerator, OutboxPort, RandomSource } from './ports.js';
import type { PreparedRuleSet } from './prepared-rule-set.js';
import type { TemplateRenderer } from './template-renderer.js';
import type { Tx } from './tx.js';

/** An event the engine reacts to. `id` ties every effect it causes to it. */
export interface EngineEvent {
  id: string;
  kind: RuleEvent;
  recordId: string;
  /** stage_entered: where the record came from. */
  from?: { pipeline?: string; stage?: string };
  /** stage_entered: the stage entered (the record may have moved on before its turn). */
  to?: { pipeline: string; stage: string };
  /** field_changed: which field. */
  field?: string;
  /** External events: their payload (conditions see it as `$event`). */
  payload?: Record<string, unknown>;
  /** Only this trigger reacts (an inbound webhook's token names one trigger). */
  ruleId?: string;
}

export const LIMITS = {
  /** Stage changes of one record within one run (the chain's limits are in the model). */
  maxMovesPerRecord: 10,
};

/** What one run (an external event and all it causes) shares. */
export interface RunContext {
  readonly tx: Tx;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly outbox: OutboxPort;
  readonly templates: TemplateRenderer;
  readonly random: RandomSource;
  readonly now: string;
  readonly directory: DirectoryEntries;
  /** Versions pinned at the start of the run, by model id. */
  readonly versions: ReadonlyMap<string, PreparedRuleSet>;
  readonly moves: Map<string, number>;
  /** Events waiting to be handled, oldest first (`Engine.entry`). */
  readonly queue: EngineEvent[];
  /** True while the engine works through the queue: changes made then only queue events. */
  draining: boolean;
  /** The chain of automation this run continues; set by the run's entry point. */
  chain?: CausationChain;
  /** The loop guard stopped the chain: nothing more of it runs. */
  stopped: boolean;
  seq: number;
}

/**
 * Appends a timeline entry for a record. Entries a request's change writes (no rule
 * behind them) name the request's actor, so the timeline shows who did what.
 */
export function log(
  ctx: RunContext,
  recordId: string,
  entry: Omit<TimelineEntry, 'id' | 'recordId' | 'at' | 'seq'>,
): void {
  const id = ctx.ids.next('tl');
  ctx.seq += 1;
  const actor = entry.ruleId === undefined ? ctx.tx.who?.actor : undefined;
  ctx.tx.put('timeline', id, {
    id,
    recordId,
    at: ctx.now,
    seq: ctx.seq,
    ...entry,
    ...(actor === undefined || entry.actor !== undefined ? {} : { actor }),
  });
}

/**
 * The condition data a rule sees: the record's fields, then `id`, `entity`,
 * `pipeline`, `stage`, `$now` (and `$event`) over them.
 *
 * Built with `Object.assign` and stores, not `{ ...record.fields, id, ... }`: on
 * Node 20 an object made by spreading and then adding properties is read many times
 * more slowly by every condition (named reads about 1 M/s against 80 M/s on the same
 * fields; building and reading such an object about 100 times slower; see
 * `runtime/engine/condition/README.md`, _Speed_). `Object.assign` stores with
 * [[Set]], so an own `__proto__` field (JSON.parse makes one) would replace the
 * prototype; that rare record keeps the spread, which defines it as a plain field.
 */
export function conditionData(
  record: RecordDoc,
  now: string,
  event?: Record<string, unknown>,
): Record<string, unknown> {
  const fields = record.fields;
  const data: Record<string, unknown> = Object.hasOwn(fields, '__proto__')
    ? { ...fields }
    : Object.assign({}, fields);
  data.id = record.id;
  data.entity = record.entity;
  data.pipeline = record.pipeline ?? null;
  data.stage = record.stage ?? null;
  data.$now = now;
  if (event !== undefined) data.$event = event;
  return data;
}

export function entityOf(e: string): EntityType {
  return e as EntityType;
}
