import type { WhyCode, WhyParams } from '../../../schemas/api/why-schemas.js';

type Say = (p: Readonly<Record<string, string>>) => string;

/** One English sentence per answer; the designer has its own, translated, per code. */
const SAY: Record<WhyCode, Say> = {
  ran: (p) => `ran at ${p.at}.`,
  action_failed: (p) => `ran at ${p.at}, but an action failed: ${p.error}.`,
  condition_false: (p) =>
    `did not run: its condition was false (${p.values === '' ? 'it read no fields' : p.values}) at ${p.at}.`,
  condition_error: (p) => `did not run: its condition could not be evaluated (${p.error}).`,
  waiting: (p) => `has not run yet: it is due at ${p.dueAt}.`,
  outside_working_hours: (p) =>
    `has not run yet: it was due at ${p.plannedFor}, outside working hours, and was moved to ${p.dueAt}.`,
  waiting_for_previous: (p) => `has not run yet: it waits for ${p.previous}, due at ${p.dueAt}.`,
  left_stage: (p) => `did not run: the record left "${p.stage}" before it was due.`,
  left_pipeline: (p) => `did not run: the record left pipeline "${p.pipeline}".`,
  anchor_empty: (p) =>
    `did not run: its date field${p.field ? ` ${p.field}` : ''} is empty, so it has no time to run at.`,
  no_working_time: () => 'did not run: its calendar has no working time to run in.',
  loop_guard: () => 'did not run: the loop guard stopped the chain of automation it was part of.',
  version_changed: (p) =>
    p.enteredVersion
      ? `did not run: the record entered "${p.stage}" under version ${p.enteredVersion}, before this robot was published in version ${p.version}.`
      : 'did not run: its version was replaced and its pending run was dropped.',
  cancelled: (p) =>
    `did not run: its pending run was cancelled${p.reason ? ` (${p.reason})` : ''}.`,
  failed_parked: (p) =>
    `failed ${p.attempts} time(s) and is parked: ${p.error}. Retry it from the timers list.`,
  already_in_stage: (p) => `did nothing at ${p.at}: the record was already in "${p.stage}".`,
  backwards_not_allowed: (p) =>
    `did not move the record at ${p.at}: "${p.stage}" is before its stage and backwards moves are not allowed.`,
  other_stage: (p) =>
    `does not apply now: it belongs to "${p.stage}", and the record is in "${p.current}".`,
  not_in_pipeline: (p) => `does not apply: the record is not in pipeline "${p.pipeline}".`,
  event_never_came: (p) => `has not run: no ${p.event} event has come for this record.`,
  not_run: () => "has not run: nothing in the record's timeline says it had a turn.",
};

/** `Robot "Remind" did not run: ...` from a finding's code and parameters. */
export function whyText(
  kind: 'robot' | 'trigger',
  name: string,
  code: WhyCode,
  params: WhyParams,
): string {
  const p = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, v === null ? '' : String(v)]),
  );
  return `${kind === 'robot' ? 'Robot' : 'Trigger'} "${name}" ${SAY[code](p)}`;
}
