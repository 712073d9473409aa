import { PageQueryProperties } from '../../../schemas/api/page-schemas.js';
import { Type, type Static } from '@sinclair/typebox';
import { EntityType, Key, Timing } from '../../../schemas/index.js';

const Id = Type.String({ minLength: 1, maxLength: 200 });
const Instant = Type.String({ format: 'date-time', description: 'ISO 8601 date-time' });

/** A timer: one delayed robot run, persisted before its event was acknowledged. */
export const TimerBody = Type.Object({
  id: Id,
  dueAt: Instant,
  ruleId: Type.String(),
  recordId: Id,
  entity: Type.Optional(EntityType),
  modelId: Key,
  version: Type.Integer({ minimum: 1 }),
  pipeline: Type.String(),
  stage: Type.String(),
  eventId: Type.String(),
  idempotencyKey: Type.String(),
  onLeaveStage: Type.Union([Type.Literal('cancel'), Type.Literal('keep')]),
  onAnchorChange: Type.Optional(Type.Union([Type.Literal('replan'), Type.Literal('keep')])),
  timing: Type.Optional(Timing),
  plannedFor: Type.Optional(Instant),
  source: Type.Optional(Type.Literal('trigger', { description: 'A date_reached trigger' })),
  followers: Type.Optional(
    Type.Array(Type.String(), { description: 'after_previous robots planned when this fires' }),
  ),
  payload: Type.Optional(
    Type.Record(Type.String(), Type.Unknown(), {
      description: 'The external event that moved the record into the stage',
    }),
  ),
  chain: Type.Optional(
    Type.Object(
      {
        origin: Type.Object({
          kind: Type.String(),
          recordId: Type.String(),
          eventId: Type.String(),
          at: Instant,
        }),
        steps: Type.Integer({ minimum: 0 }),
        created: Type.Integer({ minimum: 0 }),
      },
      {
        description:
          'The chain of automation that planned the timer (loop guard): where it started, steps and created records since',
      },
    ),
  ),
  attempts: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Runs that failed so far; dueAt is the next one' }),
  ),
  lastError: Type.Optional(Type.String({ description: 'Why the last run failed' })),
  status: Type.Optional(
    Type.Literal('failed', {
      description: 'Parked after its attempts or a crash loop: runs only when retried',
    }),
  ),
  inFlight: Type.Optional(
    Type.Integer({ minimum: 0, description: 'Runs started and not finished (crash detection)' }),
  ),
  queuedRun: Type.Optional(
    Type.Literal(true, {
      description:
        'Marked to run with a group of due timers and not finished: it runs alone next time',
    }),
  ),
});
export type TimerBody = Static<typeof TimerBody>;

export const TimerQuery = Type.Object(
  {
    model: Type.Optional(Key),
    entity: Type.Optional(EntityType),
    dueAfter: Type.Optional(Instant),
    dueBefore: Type.Optional(Instant),
    status: Type.Optional(
      Type.Union([Type.Literal('pending'), Type.Literal('failed')], {
        description: 'pending: waiting to run (retries too); failed: parked',
      }),
    ),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
);
export type TimerQuery = Static<typeof TimerQuery>;
