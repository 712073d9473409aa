import { Type, type Static } from '@sinclair/typebox';
import { Duration, EntityType, FieldKey, Key } from '../model/common.js';
import { ScenarioRef } from './scenario.js';

/** A window of virtual time `[from, to]` (both inclusive) after `start`. */
export const Between = Type.Tuple([Duration, Duration]);

const NotificationMatch = Type.Object(
  {
    to: Type.Optional(Key),
    contains: Type.Optional(Type.String()),
    ref: Type.Optional(ScenarioRef),
  },
  { additionalProperties: false },
);
const OutboxMatch = Type.Object(
  {
    kind: Type.Optional(
      Type.Union([
        Type.Literal('send_email'),
        Type.Literal('send_message'),
        Type.Literal('generate_document'),
        Type.Literal('webhook'),
      ]),
    ),
    channel: Type.Optional(Type.String()),
    to: Type.Optional(Type.String()),
    subjectContains: Type.Optional(Type.String()),
    bodyContains: Type.Optional(Type.String()),
    ref: Type.Optional(ScenarioRef),
  },
  { additionalProperties: false },
);
const TaskMatch = Type.Object(
  {
    ref: Type.Optional(ScenarioRef),
    titleContains: Type.Optional(Type.String()),
    assignee: Type.Optional(Key),
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('done')])),
    /** The deadline, as an ISO date-time (compared as instants). */
    deadline: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
const RuleMatch = Type.Object(
  {
    /** Canvas node id: `robot:<id>` or `trigger:<id>`. */
    nodeId: Type.String({ minLength: 1 }),
    ref: Type.Optional(ScenarioRef),
    /** Default `fired`. */
    outcome: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
const StepMatch = Type.Object(
  {
    ref: Type.Optional(ScenarioRef),
    do: Type.Optional(Type.String()),
    /** `done` or `refused` (the runtime said no, e.g. required fields missing). */
    outcome: Type.Union([Type.Literal('done'), Type.Literal('refused')]),
  },
  { additionalProperties: false },
);
const RecordsMatch = Type.Object(
  {
    entity: Type.Optional(EntityType),
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    fields: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

/**
 * One assertion about the run. Exactly one subject: `ref` (a record's state `at` a
 * virtual time, default the end: `stage`, `pipeline`, or `field` + `equals`),
 * `records` (how many records match, `at` a time), or `notification` / `outbox` /
 * `task` / `rule` (how many items or timeline entries match, optionally created
 * `between` two virtual times). `count` absent means "at least one".
 */
export const Expectation = Type.Object(
  {
    at: Type.Optional(Duration),
    between: Type.Optional(Between),
    ref: Type.Optional(ScenarioRef),
    stage: Type.Optional(Key),
    pipeline: Type.Optional(Key),
    field: Type.Optional(FieldKey),
    equals: Type.Optional(Type.Unknown()),
    /** `false`: the record must not exist (deleted, or never created). */
    exists: Type.Optional(Type.Boolean()),
    records: Type.Optional(RecordsMatch),
    notification: Type.Optional(NotificationMatch),
    outbox: Type.Optional(OutboxMatch),
    task: Type.Optional(TaskMatch),
    rule: Type.Optional(RuleMatch),
    step: Type.Optional(StepMatch),
    count: Type.Optional(Type.Integer({ minimum: 0 })),
    /** Free text shown with the result instead of the generated description. */
    note: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);
export type Expectation = Static<typeof Expectation>;

export const EXPECTATION_SUBJECTS = [
  'ref',
  'records',
  'notification',
  'outbox',
  'task',
  'rule',
  'step',
] as const;
