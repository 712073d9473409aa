import { Type, type Static } from '@sinclair/typebox';
import { Duration, FieldKey, Key } from './common.js';

const WorkingHours = {
  /** Move the due time into the next working window of the calendar. */
  workingHours: Type.Optional(Type.Boolean()),
  /** Calendar key; defaults to the responsible user's calendar, then the model's default. */
  calendar: Type.Optional(Key),
};

export const TimingImmediate = Type.Object(
  { kind: Type.Literal('immediate'), ...WorkingHours },
  { additionalProperties: false },
);
export const TimingDelay = Type.Object(
  { kind: Type.Literal('delay'), duration: Duration, ...WorkingHours },
  { additionalProperties: false },
);
export const TimingRelativeToField = Type.Object(
  {
    kind: Type.Literal('relative_to_field'),
    /** A date or datetime field of the record. */
    field: FieldKey,
    direction: Type.Union([Type.Literal('before'), Type.Literal('after')]),
    offset: Duration,
    ...WorkingHours,
  },
  { additionalProperties: false },
);
export const TimingAfterPrevious = Type.Object(
  {
    kind: Type.Literal('after_previous'),
    /** Extra wait after the previous robot of the stage finished. */
    duration: Type.Optional(Duration),
    ...WorkingHours,
  },
  { additionalProperties: false },
);

export const Timing = Type.Union([
  TimingImmediate,
  TimingDelay,
  TimingRelativeToField,
  TimingAfterPrevious,
]);
export type Timing = Static<typeof Timing>;

export const ON_LEAVE_STAGE = ['cancel', 'keep'] as const;
export const ON_ANCHOR_CHANGE = ['replan', 'keep'] as const;
