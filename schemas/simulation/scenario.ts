import { Type, type Static } from '@sinclair/typebox';
import { Duration, EntityType, Key, literalUnion } from '../model/common.js';
import { Department, Queue, User } from '../model/directory.js';

/**
 * A record's name within one scenario (`d1`, `anna`). Records that automations create
 * get `auto-1`, `auto-2`, ... in creation order, and steps may name those too.
 */
export const ScenarioRef = Type.String({
  pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$',
  description:
    'Record name within the scenario; automation-created records are auto-1, auto-2, ...',
});

/** The external events a script can send (as `POST /api/events`, plus an inbound webhook call). */
export const SIMULATION_EVENT_KINDS = [
  'incoming_message',
  'incoming_email',
  'payment_received',
  'incoming_call',
  'missed_call',
  'form_submitted',
  'inbound_webhook',
] as const;
export const SimulationEventKind = literalUnion(SIMULATION_EVENT_KINDS);

const Fields = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Field values by field key',
});

/** A record that exists at minute 0; automations do not run for it. */
export const ScenarioRecord = Type.Object(
  {
    ref: ScenarioRef,
    entity: EntityType,
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    fields: Type.Optional(Fields),
    /** Refs of records (listed before this one) to link to. */
    links: Type.Optional(Type.Array(ScenarioRef, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export type ScenarioRecord = Static<typeof ScenarioRecord>;

const at = { at: Duration };

export const StepCreate = Type.Object(
  {
    ...at,
    do: Type.Literal('create'),
    ref: ScenarioRef,
    entity: EntityType,
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    fields: Type.Optional(Fields),
    links: Type.Optional(Type.Array(ScenarioRef, { maxItems: 100 })),
  },
  { additionalProperties: false },
);
export const StepUpdate = Type.Object(
  { ...at, do: Type.Literal('update'), ref: ScenarioRef, fields: Fields },
  { additionalProperties: false },
);
export const StepMove = Type.Object(
  {
    ...at,
    do: Type.Literal('move'),
    ref: ScenarioRef,
    stage: Key,
    pipeline: Type.Optional(Key),
  },
  { additionalProperties: false },
);
export const StepEvent = Type.Object(
  {
    ...at,
    do: Type.Literal('event'),
    ref: ScenarioRef,
    kind: SimulationEventKind,
    payload: Type.Optional(Fields),
  },
  { additionalProperties: false },
);
export const StepCompleteTask = Type.Object(
  {
    ...at,
    do: Type.Literal('complete_task'),
    ref: ScenarioRef,
    /** The record's open task: its index among the record's tasks (0 = first), or text its title contains. */
    task: Type.Union([Type.Integer({ minimum: 0 }), Type.String({ minLength: 1 })]),
  },
  { additionalProperties: false },
);
export const StepLink = Type.Object(
  { ...at, do: Type.Literal('link'), ref: ScenarioRef, to: ScenarioRef },
  { additionalProperties: false },
);

/** One action of the script at a virtual time after `start`; automations run for it. */
export const ScenarioStep = Type.Union([
  StepCreate,
  StepUpdate,
  StepMove,
  StepEvent,
  StepCompleteTask,
  StepLink,
]);
export type ScenarioStep = Static<typeof ScenarioStep>;

export const SimulationDirectory = Type.Object(
  {
    users: Type.Optional(Type.Array(User, { maxItems: 10_000 })),
    departments: Type.Optional(Type.Array(Department, { maxItems: 1000 })),
    queues: Type.Optional(Type.Array(Queue, { maxItems: 1000 })),
  },
  { additionalProperties: false },
);
export type SimulationDirectory = Static<typeof SimulationDirectory>;
