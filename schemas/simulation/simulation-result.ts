import { Type, type Static } from '@sinclair/typebox';

const Open = Type.Object({}, { additionalProperties: true });
const Minute = Type.Number({ description: 'Virtual minutes after start' });

/** One line of the simulated timeline: what happened to which record, when and why. */
export const SimulationTimelineEntry = Type.Object({
  at: Type.String(),
  minute: Minute,
  ref: Type.String(),
  recordId: Type.String(),
  kind: Type.String(),
  ruleId: Type.Optional(Type.String()),
  /** The canvas node (`robot:<id>` / `trigger:<id>`) to highlight. */
  nodeId: Type.Optional(Type.String()),
  outcome: Type.Optional(Type.String()),
  message: Type.String(),
  data: Type.Optional(Open),
});
export type SimulationTimelineEntry = Static<typeof SimulationTimelineEntry>;

export const ExpectationResult = Type.Object({
  index: Type.Integer(),
  description: Type.String(),
  passed: Type.Boolean(),
  actual: Type.Optional(Type.Unknown()),
});
export type ExpectationResult = Static<typeof ExpectationResult>;

/** A final record (as `GET /api/records/...` gives it) with its scenario ref. */
const WithRef = Type.Object(
  { ref: Type.String(), id: Type.String(), entity: Type.String() },
  { additionalProperties: true },
);
/** A task, notification, outbox item or timer with its record's ref and virtual minute. */
const Scoped = Type.Object(
  { ref: Type.String(), minute: Minute, id: Type.String(), recordId: Type.String() },
  { additionalProperties: true },
);

/** The answer of `POST /api/simulate` (and `conveyor simulate --json`). */
export const SimulationResult = Type.Object(
  {
    start: Type.String(),
    end: Type.String(),
    /** Which model version ran (`version` 0 is a draft). */
    model: Type.Object({ id: Type.String(), version: Type.Integer() }),
    timeline: Type.Array(SimulationTimelineEntry),
    records: Type.Array(WithRef),
    tasks: Type.Array(Scoped),
    notifications: Type.Array(Scoped),
    outbox: Type.Array(Scoped),
    /** Timers still pending at the horizon. */
    timers: Type.Array(Scoped),
    expectations: Type.Array(ExpectationResult),
    passed: Type.Boolean(),
    stats: Type.Object({ steps: Type.Integer(), timersFired: Type.Integer() }),
    /** Set when the run stopped early (runaway timers). */
    stopped: Type.Optional(Type.String()),
  },
  {
    $id: 'https://conveyor.dev/schemas/simulation-result.schema.json',
    title: 'Conveyor simulation result',
  },
);
export type SimulationResult = Static<typeof SimulationResult>;
