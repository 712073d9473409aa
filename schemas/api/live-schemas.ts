import { Type, type Static } from '@sinclair/typebox';
import { EntityType, Key } from '../model/common.js';
import { RecordQuery } from './api-schemas.js';

/**
 * Live events (`GET /api/events`, Server-Sent Events): what changed on records, their
 * timers and their outbox, after the change is durable. The board and the record
 * drawer reload what an event names; events carry enough to update a card in place.
 */
export const RECORD_CHANGE_KINDS = ['created', 'updated', 'moved', 'deleted'] as const;
export const ITEM_CHANGES = ['saved', 'removed'] as const;

const Id = Type.String({ minLength: 1, maxLength: 200 });

/** `event: record`: a record was created, changed, moved to another stage, or deleted. */
export const LiveRecordEvent = Type.Object({
  id: Id,
  kind: Type.Union(RECORD_CHANGE_KINDS.map((k) => Type.Literal(k))),
  /** Absent only on a deletion of a record the server had not seen since it started. */
  entity: Type.Optional(EntityType),
  model: Type.Optional(Key),
  pipeline: Type.Optional(Key),
  stage: Type.Optional(Key),
  /** The record's revision after the change (its ETag); absent on deletion. */
  revision: Type.Optional(Type.Integer({ minimum: 0 })),
  title: Type.Optional(Type.String()),
  amount: Type.Optional(Type.Number()),
  responsible: Type.Optional(Type.String()),
});
export type LiveRecordEvent = Static<typeof LiveRecordEvent>;

/** `event: timer` / `event: outbox`: an item of a record was saved (planned, changed) or removed. */
export const LiveItemEvent = Type.Object({
  id: Id,
  change: Type.Union(ITEM_CHANGES.map((k) => Type.Literal(k))),
  /** Absent when a removed item was not seen since the server started. */
  recordId: Type.Optional(Id),
  entity: Type.Optional(EntityType),
  pipeline: Type.Optional(Key),
  /** Timer: when it is due. */
  dueAt: Type.Optional(Type.String()),
  /** Timer: the robot or trigger it runs. */
  ruleId: Type.Optional(Type.String()),
  /** Timer `failed` (parked) or an outbox item's delivery status. */
  status: Type.Optional(Type.String()),
});
export type LiveItemEvent = Static<typeof LiveItemEvent>;

/** `event: reset`: the `Last-Event-ID` is too old (or from before a restart): reload everything. */
export const LiveReset = Type.Object({ reason: Type.String() });
export type LiveReset = Static<typeof LiveReset>;

/** `ready` opens a stream without `Last-Event-ID` (its id is where a reconnect resumes). */
export const LIVE_EVENT_TYPES = ['ready', 'record', 'timer', 'outbox', 'reset'] as const;
export type LiveEventType = (typeof LIVE_EVENT_TYPES)[number];

/** Which events a stream carries: every condition given must hold. */
export const LiveQuery = Type.Object(
  {
    entity: Type.Optional(EntityType),
    pipeline: Type.Optional(Key),
    lastEventId: Type.Optional(
      Type.String({
        maxLength: 100,
        description:
          'Like the Last-Event-ID header, for a client that opens a new EventSource itself (the header wins)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type LiveQuery = Static<typeof LiveQuery>;

/** One column's totals on the board: records in the stage and the sum of their amounts. */
export const StageTotal = Type.Object({
  stage: Key,
  count: Type.Integer({ minimum: 0 }),
  amount: Type.Number({ description: 'Sum of `fields.amount` of the matching records' }),
});
export type StageTotal = Static<typeof StageTotal>;

/** `GET /api/records/:entity/stage-totals`: the list route's filters; `stage` names the columns. */
export const StageTotalsQuery = Type.Composite(
  [
    Type.Omit(RecordQuery, ['sort', 'order', 'limit', 'cursor', 'stage']),
    Type.Object({
      stage: Type.String({
        pattern: '^[a-z][a-z0-9_-]{0,63}(,[a-z][a-z0-9_-]{0,63}){0,99}$',
        description: 'The stages to total, separated by commas (the board columns)',
      }),
    }),
  ],
  { additionalProperties: false },
);
export type StageTotalsQuery = Static<typeof StageTotalsQuery>;
