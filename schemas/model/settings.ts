import { Type, type Static } from '@sinclair/typebox';

/**
 * How far one chain of automation may go before the runtime stops it. A chain starts
 * with an external event or request (a record created or moved by a person, a payment,
 * a message, a webhook call) and continues through everything it causes: robots,
 * triggers, linked records and delayed robots whose timers fire hours later.
 */
export const LoopGuard = Type.Object(
  {
    /**
     * Events the chain may handle (a stage entered, a field changed, a linked record's
     * or an external event reaching triggers) plus the delayed robots it fires.
     */
    maxSteps: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
    /** Records robots and triggers of the chain may create (a handoff, a lead conversion). */
    maxCreatedRecords: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
  },
  { additionalProperties: false },
);
export type LoopGuard = Static<typeof LoopGuard>;

/** The limits a model gets when it does not set them. */
export const LOOP_GUARD_DEFAULTS: Readonly<Required<LoopGuard>> = {
  maxSteps: 200,
  maxCreatedRecords: 20,
};

/** Model-wide settings of the runtime. */
export const ModelSettings = Type.Object(
  { loopGuard: Type.Optional(LoopGuard) },
  { additionalProperties: false },
);
export type ModelSettings = Static<typeof ModelSettings>;
