import {
  pipelineDisplayName,
  stageDisplayName,
  type Rule,
  type RuleSet,
} from '../../../schemas/index.js';
import type { WhyCode, WhyParams } from '../../../schemas/api/why-schemas.js';
import type { RecordDoc } from '../../domain/record.js';
import type { TimelineEntry } from '../../domain/timeline.js';
import type { TimerDoc } from '../../domain/timer.js';
import { whyText } from './why-text.js';

/** What "Why didn't it run?" is asked about: one rule of the record's model, as live now. */
export interface WhyInput {
  record: RecordDoc;
  /** The record's timeline, oldest first (at least its current stage visit). */
  timeline: readonly TimelineEntry[];
  /** The record's pending and parked timers. */
  timers: readonly TimerDoc[];
  /** The active version of the record's model and its number. */
  ruleSet: RuleSet;
  version: number;
  rule: Rule;
  /** The robot's or trigger's name in the model (its id when it has none). */
  ruleName: string;
}

export interface WhyFinding {
  ran: boolean;
  code: WhyCode;
  params: WhyParams;
}

/** Entry kinds that end a rule's turn (a `timer_fired` or `anchor_set` entry does not). */
const TURN_KINDS = new Set([
  'rule',
  'timer_cancelled',
  'timer_dropped',
  'timer_failed',
  'loop_stopped',
]);
const NOT_AN_END = new Set(['anchor_set', 'retry']);

const valuesText = (inputs: unknown): string => {
  if (inputs === null || typeof inputs !== 'object') return '';
  return Object.entries(inputs as Record<string, unknown>)
    .map(([k, v]) => `${k} = ${v === undefined ? 'empty' : JSON.stringify(v)}`)
    .join(', ');
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The finding one timeline entry gives (the rule's last turn). */
function fromEntry(e: TimelineEntry, all: readonly TimelineEntry[], rule: Rule): WhyFinding {
  const at = e.at;
  const reason = str(e.data?.reason);
  const field =
    rule.timing?.kind === 'relative_to_field' ? rule.timing.field : (rule.match?.field ?? '');
  if (e.kind === 'loop_stopped' || e.outcome === 'stopped')
    return { ran: false, code: 'loop_guard', params: { at } };
  if (e.kind === 'timer_dropped') return { ran: false, code: 'version_changed', params: { at } };
  if (e.kind === 'timer_failed')
    return {
      ran: false,
      code: 'failed_parked',
      params: { at, error: str(e.data?.error), attempts: Number(e.data?.attempts ?? 0) },
    };
  if (e.kind === 'timer_cancelled') {
    if (reason === 'left_stage') return { ran: false, code: 'left_stage', params: { at } };
    if (reason === 'left_pipeline') return { ran: false, code: 'left_pipeline', params: { at } };
    if (reason === 'anchor_cleared')
      return { ran: false, code: 'anchor_empty', params: { at, field } };
    if (reason === 'no_working_time')
      return { ran: false, code: 'no_working_time', params: { at } };
    return { ran: false, code: 'cancelled', params: { at, reason } };
  }
  switch (e.outcome) {
    case 'fired': {
      const failed = all.find(
        (a) =>
          a.kind === 'action' &&
          a.ruleId === rule.id &&
          a.eventId === e.eventId &&
          a.outcome === 'failed',
      );
      return failed === undefined
        ? { ran: true, code: 'ran', params: { at } }
        : { ran: true, code: 'action_failed', params: { at, error: failed.message } };
    }
    case 'condition_false':
      return {
        ran: false,
        code: 'condition_false',
        params: { at, values: valuesText(e.data?.inputs) },
      };
    case 'failed':
      return { ran: false, code: 'condition_error', params: { at, error: str(e.data?.error) } };
    case 'wrong_stage':
      return { ran: false, code: 'left_stage', params: { at } };
    case 'wrong_pipeline':
      return { ran: false, code: 'left_pipeline', params: { at } };
    case 'skipped':
      return reason === 'anchor_empty'
        ? { ran: false, code: 'anchor_empty', params: { at, field } }
        : reason === 'no_working_time'
          ? { ran: false, code: 'no_working_time', params: { at } }
          : { ran: false, code: 'not_run', params: { at } };
    case 'already_in_stage':
      return { ran: false, code: 'already_in_stage', params: { at } };
    case 'backwards_not_allowed':
      return { ran: false, code: 'backwards_not_allowed', params: { at } };
    default:
      return { ran: false, code: 'not_run', params: { at } };
  }
}

/** The rule's last turn among `entries`, if it had one. */
function lastTurn(entries: readonly TimelineEntry[], rule: Rule): TimelineEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const e = entries[i];
    if (e === undefined || !TURN_KINDS.has(e.kind)) continue;
    if (e.ruleId !== rule.id) continue;
    if (e.outcome !== undefined && NOT_AN_END.has(e.outcome)) continue;
    if (e.outcome === 'scheduled') continue;
    return e;
  }
  return undefined;
}

/** The version the record's current stage visit began under (its `stage_entered` event). */
function visitVersion(entries: readonly TimelineEntry[]): number | undefined {
  return entries.find((e) => e.kind === 'event' && e.message.startsWith('stage_entered'))?.version;
}

/** Pending or parked timers say it all: it is still to come, or stuck. */
function fromTimers(input: WhyInput): WhyFinding | undefined {
  const { rule, timers, record } = input;
  const mine = timers.find((t) => t.ruleId === rule.id && t.recordId === record.id);
  if (mine !== undefined) {
    if (mine.status === 'failed')
      return {
        ran: false,
        code: 'failed_parked',
        params: { error: mine.lastError ?? '', attempts: mine.attempts ?? 0 },
      };
    return mine.plannedFor === undefined
      ? { ran: false, code: 'waiting', params: { dueAt: mine.dueAt } }
      : {
          ran: false,
          code: 'outside_working_hours',
          params: { dueAt: mine.dueAt, plannedFor: mine.plannedFor },
        };
  }
  const before = timers.find((t) => t.followers?.includes(rule.id) === true);
  if (before === undefined) return undefined;
  return {
    ran: false,
    code: 'waiting_for_previous',
    params: { previous: before.ruleId, dueAt: before.dueAt },
  };
}

function robotFinding(input: WhyInput): WhyFinding {
  const { record, rule, timeline } = input;
  const here = record.pipeline === rule.pipeline && record.stage === rule.stage;
  if (here) {
    const timed = fromTimers(input);
    if (timed !== undefined) return timed;
  }
  // In the current visit only what happened since entering counts.
  const since = here ? (record.stageEnteredAt ?? '') : '';
  const visit = timeline.filter((e) => e.at >= since);
  const turn = lastTurn(visit, rule);
  if (turn !== undefined) return fromEntry(turn, visit, rule);
  if (!here) {
    return record.pipeline === rule.pipeline
      ? { ran: false, code: 'other_stage', params: {} }
      : { ran: false, code: 'not_in_pipeline', params: {} };
  }
  const entered = visitVersion(visit);
  if (entered !== undefined && entered < input.version)
    return {
      ran: false,
      code: 'version_changed',
      params: { enteredVersion: entered, version: input.version },
    };
  return { ran: false, code: 'not_run', params: {} };
}

function triggerFinding(input: WhyInput): WhyFinding {
  const { record, rule, timeline } = input;
  if (record.pipeline !== rule.pipeline) return { ran: false, code: 'not_in_pipeline', params: {} };
  const timed = fromTimers(input);
  if (timed !== undefined) return timed;
  const turn = lastTurn(timeline, rule);
  if (turn !== undefined) return fromEntry(turn, timeline, rule);
  if (rule.event === 'date_reached') {
    const field = rule.match?.field ?? '';
    const v = record.fields[field];
    if (v === undefined || v === null || v === '')
      return { ran: false, code: 'anchor_empty', params: { field } };
  }
  return { ran: false, code: 'event_never_came', params: { event: rule.event } };
}

/**
 * Answers "Why didn't it run?" for one robot or trigger of a record in one line, from
 * what the engine wrote (the timeline and the pending timers) and the live rule: no
 * evaluation is repeated, so the answer is what happened, not what would happen now.
 *
 * @example explainRule({ record, timeline, timers, ruleSet, version: 2, rule, ruleName: 'Reminder' })
 * // { ruleId: 'robot:remind', ran: false, code: 'condition_false', params: { values: 'amount = 10' }, ... }
 */
export function explainRule(input: WhyInput) {
  const finding = input.rule.source.kind === 'robot' ? robotFinding(input) : triggerFinding(input);
  const { rule, ruleSet, record } = input;
  const names = {
    stage: stageDisplayName(ruleSet.pipelines, rule.pipeline, rule.stage),
    current: stageDisplayName(ruleSet.pipelines, record.pipeline, record.stage),
    pipeline: pipelineDisplayName(ruleSet.pipelines, rule.pipeline),
  };
  const params: WhyParams = { ...names, ...finding.params };
  return {
    ruleId: rule.id,
    ruleName: input.ruleName,
    ran: finding.ran,
    code: finding.code,
    params,
    text: whyText(input.rule.source.kind, input.ruleName, finding.code, params),
  };
}
