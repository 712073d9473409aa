import { Type, type Static } from '@sinclair/typebox';
import { Duration, FieldKey, Key } from './common.js';

/**
 * How working hours apply to a timing: `"shift"` (or `true`, the original spelling)
 * waits the delay in calendar time, then moves the due time into the next working
 * window; `"count"` counts the delay in working time only (an SLA clock). `false` or
 * absent: working hours do not matter.
 */
export const WORKING_HOURS_MODES = ['shift', 'count'] as const;
export type WorkingHoursMode = (typeof WORKING_HOURS_MODES)[number];

const calendarKey = {
  /** Calendar key; defaults to the responsible user's calendar, then the model's default. */
  calendar: Type.Optional(Key),
};
/** One enum of mixed types, so a wrong value gets one message listing what is allowed. */
const workingHoursSchema = <T extends boolean | WorkingHoursMode>(values: readonly T[]) =>
  Type.Optional(
    Type.Unsafe<T>({
      enum: [...values],
      description:
        '"shift" (or true): wait, then move the due time into working hours; "count": count the delay in working time only',
    }),
  );

/** An immediate robot has no delay to count: it can only be moved into working hours. */
const ShiftOnly = {
  workingHours: workingHoursSchema([true, false, 'shift'] as const),
  ...calendarKey,
};
const WorkingHours = {
  workingHours: workingHoursSchema([true, false, ...WORKING_HOURS_MODES] as const),
  ...calendarKey,
};

export const TimingImmediate = Type.Object(
  { kind: Type.Literal('immediate'), ...ShiftOnly },
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

/**
 * The working-hours mode of a timing with its spellings folded: `true` is `"shift"`,
 * `false` or absent is `undefined` (every moment counts).
 *
 * @example workingHoursMode({ kind: 'delay', duration, workingHours: true }) // 'shift'
 */
export function workingHoursMode(timing: Timing | undefined): WorkingHoursMode | undefined {
  const w = timing?.workingHours;
  if (w === true || w === 'shift') return 'shift';
  return w === 'count' ? 'count' : undefined;
}
