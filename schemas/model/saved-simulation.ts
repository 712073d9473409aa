import { Type, type Static } from '@sinclair/typebox';
import { SimulationScenario } from '../simulation/simulation-scenario.js';

/**
 * One observable outcome of a simulation run as a comparable line (a rule fired or was
 * skipped, a timer was cancelled, something was sent, where a record ended). `key` is what
 * runs are compared by; `minute` is absent for the final state of a record.
 */
export const OutcomeLineSummary = Type.Object(
  {
    key: Type.String({ maxLength: 2000 }),
    text: Type.String({ maxLength: 2000 }),
    minute: Type.Optional(Type.Number({ minimum: 0 })),
    /** What the line is about, so a view can say it in the UI language. */
    kind: Type.Optional(
      Type.Union([
        Type.Literal('rule'),
        Type.Literal('cancelled'),
        Type.Literal('notification'),
        Type.Literal('task'),
        Type.Literal('outbox'),
        Type.Literal('final'),
      ]),
    ),
    subject: Type.Optional(Type.String({ maxLength: 2000 })),
    detail: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type OutcomeLineSummary = Static<typeof OutcomeLineSummary>;

/**
 * The outcome of the last run of a saved scenario, kept so that a rerun after a reload or
 * after publishing shows what changed. A derived result, not logic: the compiler and the
 * version diff ignore it, and the designer's undo history does not record it.
 */
export const SimulationOutcomeSummary = Type.Object(
  {
    at: Type.String({ format: 'date-time' }),
    lines: Type.Array(OutcomeLineSummary, { maxItems: 5000 }),
  },
  { additionalProperties: false },
);
export type SimulationOutcomeSummary = Static<typeof SimulationOutcomeSummary>;

/**
 * A simulation scenario kept with the model (the designer's simulation panel), so it can
 * be rerun after edits. It always runs against the model it is stored in, so it names no
 * model of its own. The compiler and the version diff ignore it, as they do the layout.
 */
export const SavedSimulation = Type.Composite(
  [
    Type.Omit(SimulationScenario, ['name', 'model', 'modelId', 'version']),
    Type.Object({
      name: Type.String({ minLength: 1, maxLength: 200 }),
      lastOutcome: Type.Optional(SimulationOutcomeSummary),
    }),
  ],
  { additionalProperties: false },
);
export type SavedSimulation = Static<typeof SavedSimulation>;
