import type { SimulationOutcomeSummary } from '../../../schemas/model/saved-simulation.js';
import type { SimulationResult } from '../../../schemas/simulation/index.js';

export const OUTCOME_LINE_KINDS = [
  'rule',
  'cancelled',
  'notification',
  'task',
  'outbox',
  'final',
] as const;
export type OutcomeLineKind = (typeof OUTCOME_LINE_KINDS)[number];

/**
 * One observable outcome of a run, as a comparable line. `text` is the English form;
 * `kind`, `subject` and `detail` let a view say it in the UI language.
 */
export interface OutcomeLine {
  readonly key: string;
  readonly minute: number;
  readonly text: string;
  readonly kind?: OutcomeLineKind;
  /** The record and node (`d1 robot:x`), what was sent, or the record ref (`final`). */
  readonly subject?: string;
  /** The rule's outcome (`fired`, ...) or the final stage key. */
  readonly detail?: string;
}

/** What a run did that an admin cares about: rules that fired or not, and what was sent. */
export function outcomeLines(r: SimulationResult): OutcomeLine[] {
  const lines: OutcomeLine[] = [];
  for (const e of r.timeline) {
    if (e.kind === 'rule' && e.nodeId && e.outcome !== 'scheduled')
      lines.push({
        key: `${e.minute}|${e.ref}|${e.nodeId}|${e.outcome}`,
        minute: e.minute,
        text: `${e.ref} ${e.nodeId}: ${e.outcome ?? ''}`,
        kind: 'rule',
        subject: `${e.ref} ${e.nodeId}`,
        detail: e.outcome ?? '',
      });
    if (e.kind === 'timer_cancelled' && e.nodeId)
      lines.push({
        key: `${e.minute}|${e.ref}|${e.nodeId}|cancelled`,
        minute: e.minute,
        text: `${e.ref} ${e.nodeId}: cancelled`,
        kind: 'cancelled',
        subject: `${e.ref} ${e.nodeId}`,
      });
  }
  const sent = (
    what: 'notification' | 'task' | 'outbox',
    items: SimulationResult['notifications'],
    text: (i: Record<string, unknown>) => string,
  ) => {
    for (const i of items)
      lines.push({
        key: `${what}|${i.minute}|${i.ref}|${text(i)}`,
        minute: i.minute,
        text: `${what} ${text(i)}`,
        kind: what,
        subject: text(i),
      });
  };
  const s = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v ?? ''));
  sent('notification', r.notifications, (i) => `${s(i.recipient)}: ${s(i.message)}`);
  sent('task', r.tasks, (i) => `${s(i.assignee)}: ${s(i.title)}`);
  sent('outbox', r.outbox, (i) => `${s(i.kind)} ${s(i.to)}: ${s(i.subject ?? i.body)}`);
  for (const rec of r.records)
    lines.push({
      key: `final|${rec.ref}|${s((rec as Record<string, unknown>).stage)}`,
      minute: Infinity,
      text: `${rec.ref} ends in ${s((rec as Record<string, unknown>).stage)}`,
      kind: 'final',
      subject: rec.ref,
      detail: s((rec as Record<string, unknown>).stage),
    });
  return lines;
}

/**
 * What changed in the outcome between two runs of a scenario (before and after an edit):
 * lines only the new run has (`added`) and lines only the old one had (`removed`), in
 * time order. Ids and timestamps are not compared, only what happened and when.
 *
 * @example diffOutcomes(before, after).removed // [{ text: 'd1 robot:remind_after_15_min: fired', minute: 15, ... }]
 */
export function diffOutcomes(
  before: SimulationResult,
  after: SimulationResult,
): { added: OutcomeLine[]; removed: OutcomeLine[] } {
  return diffOutcomeLines(outcomeLines(before), outcomeLines(after));
}

/**
 * `diffOutcomes` over lines already taken from runs, e.g. a run's stored summary
 * (`linesFromSummary`) against a fresh run.
 *
 * @example diffOutcomeLines(linesFromSummary(saved.lastOutcome), outcomeLines(result))
 */
export function diffOutcomeLines(
  a: readonly OutcomeLine[],
  b: readonly OutcomeLine[],
): { added: OutcomeLine[]; removed: OutcomeLine[] } {
  const count = (lines: readonly OutcomeLine[]) => {
    const m = new Map<string, number>();
    for (const l of lines) m.set(l.key, (m.get(l.key) ?? 0) + 1);
    return m;
  };
  const only = (xs: readonly OutcomeLine[], other: Map<string, number>) => {
    const left = new Map(other);
    return xs.filter((l) => {
      const n = left.get(l.key) ?? 0;
      if (n > 0) {
        left.set(l.key, n - 1);
        return false;
      }
      return true;
    });
  };
  const byTime = (x: OutcomeLine, y: OutcomeLine) => x.minute - y.minute;
  return { added: only(b, count(a)).sort(byTime), removed: only(a, count(b)).sort(byTime) };
}

/**
 * A run's outcome in the compact form kept with a saved scenario (JSON has no
 * `Infinity`, so the final-state lines carry no minute).
 *
 * @example summarizeOutcome(result, '2026-11-23T17:00:00.000Z').lines.length // 4
 */
export function summarizeOutcome(r: SimulationResult, at: string): SimulationOutcomeSummary {
  return {
    at,
    lines: outcomeLines(r).map(({ minute, ...rest }) =>
      Number.isFinite(minute) ? { ...rest, minute } : rest,
    ),
  };
}

/** The lines of a stored summary, comparable with `outcomeLines` of a new run. */
export function linesFromSummary(summary: SimulationOutcomeSummary): OutcomeLine[] {
  return summary.lines.map((l) => ({ ...l, minute: l.minute ?? Infinity }));
}
