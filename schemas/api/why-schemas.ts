import { Type, type Static } from '@sinclair/typebox';

/**
 * The answers "Why didn't it run?" can give for one robot or trigger of a record
 * (`GET /api/records/:entity/:id/why?rule=`). The designer renders `why.<code>` with
 * `params` in the admin's language; the runtime's `text` is the English sentence.
 */
export const WHY_CODES = [
  'ran',
  'action_failed',
  'condition_false',
  'condition_error',
  'waiting',
  'outside_working_hours',
  'waiting_for_previous',
  'left_stage',
  'left_pipeline',
  'anchor_empty',
  'no_working_time',
  'loop_guard',
  'version_changed',
  'cancelled',
  'failed_parked',
  'already_in_stage',
  'backwards_not_allowed',
  'other_stage',
  'not_in_pipeline',
  'event_never_came',
  'not_run',
] as const;
export type WhyCode = (typeof WHY_CODES)[number];

/** Scalar parameters of an answer (`values`: the condition's inputs, as JSON text). */
export const WhyParams = Type.Record(
  Type.String(),
  Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
);
export type WhyParams = Static<typeof WhyParams>;

export const WhyAnswer = Type.Object({
  ruleId: Type.String(),
  ruleName: Type.String(),
  ran: Type.Boolean(),
  code: Type.Unsafe<WhyCode>({ type: 'string', enum: [...WHY_CODES] }),
  params: WhyParams,
  text: Type.String(),
});
export type WhyAnswer = Static<typeof WhyAnswer>;

export const WhyQuery = Type.Object(
  { rule: Type.String({ minLength: 1, maxLength: 200, pattern: '^[^\\x00-\\x1f\\x7f]+$' }) },
  { additionalProperties: false },
);
