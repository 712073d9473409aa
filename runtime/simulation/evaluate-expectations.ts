import type { Expectation, ExpectationResult } from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import { describeExpectation } from './describe-expectation.js';
import { durationMs, MINUTE_MS } from './durations.js';

/** What log expectations look at: items carrying the record's ref and a minute. */
export interface LoggedItem {
  ref: string;
  minute: number;
  [key: string]: unknown;
}

export interface SimulationLog {
  tasks: LoggedItem[];
  notifications: LoggedItem[];
  outbox: LoggedItem[];
  timeline: LoggedItem[];
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const has = (text: unknown, part: string | undefined): boolean =>
  part === undefined || str(text).includes(part);

function countResult(e: Expectation, index: number, found: LoggedItem[]): ExpectationResult {
  const passed = e.count === undefined ? found.length > 0 : found.length === e.count;
  return {
    index,
    description: describeExpectation(e),
    passed,
    actual: { count: found.length, minutes: found.map((x) => x.minute) },
  };
}

/** A record-state expectation (`ref` or `records`), evaluated at its virtual time. */
export function evaluateState(
  e: Expectation,
  index: number,
  byRef: (ref: string) => RecordDoc | undefined,
  all: readonly RecordDoc[],
): ExpectationResult {
  const description = describeExpectation(e);
  if (e.records !== undefined) {
    const m = e.records;
    const found = all.filter(
      (r) =>
        (m.entity === undefined || r.entity === m.entity) &&
        (m.pipeline === undefined || r.pipeline === m.pipeline) &&
        (m.stage === undefined || r.stage === m.stage) &&
        Object.entries(m.fields ?? {}).every(([k, v]) => same(r.fields[k], v)),
    );
    const passed = e.count === undefined ? found.length > 0 : found.length === e.count;
    return { index, description, passed, actual: { count: found.length } };
  }
  const r = byRef(e.ref ?? '');
  if (r === undefined) return { index, description, passed: e.exists === false, actual: null };
  const actual: Record<string, unknown> = { pipeline: r.pipeline, stage: r.stage };
  let passed = e.exists !== false;
  if (e.stage !== undefined) passed &&= r.stage === e.stage;
  if (e.pipeline !== undefined) passed &&= r.pipeline === e.pipeline;
  if (e.field !== undefined) {
    actual[e.field] = r.fields[e.field] ?? null;
    passed &&= same(r.fields[e.field] ?? null, e.equals ?? null);
  }
  return { index, description, passed, actual };
}

/** A count expectation over what was logged (notifications, outbox, tasks, rule outcomes). */
export function evaluateLog(e: Expectation, index: number, log: SimulationLog): ExpectationResult {
  const inWindow = (x: LoggedItem): boolean =>
    e.between === undefined ||
    (x.minute >= durationMs(e.between[0]) / MINUTE_MS &&
      x.minute <= durationMs(e.between[1]) / MINUTE_MS);
  const refOk = (x: LoggedItem, ref: string | undefined): boolean =>
    ref === undefined || x.ref === ref;
  let found: LoggedItem[] = [];
  if (e.notification !== undefined) {
    const m = e.notification;
    found = log.notifications.filter(
      (x) =>
        refOk(x, m.ref) &&
        (m.to === undefined || x.recipient === m.to) &&
        has(x.message, m.contains),
    );
  } else if (e.outbox !== undefined) {
    const m = e.outbox;
    found = log.outbox.filter(
      (x) =>
        refOk(x, m.ref) &&
        (m.kind === undefined || x.kind === m.kind) &&
        (m.channel === undefined ||
          x.channel === m.channel ||
          (m.channel === 'email' && x.kind === 'send_email')) &&
        (m.to === undefined || x.to === m.to) &&
        has(x.subject, m.subjectContains) &&
        has(x.body, m.bodyContains),
    );
  } else if (e.task !== undefined) {
    const m = e.task;
    found = log.tasks.filter(
      (x) =>
        refOk(x, m.ref) &&
        has(x.title, m.titleContains) &&
        (m.assignee === undefined || x.assignee === m.assignee) &&
        (m.status === undefined || x.status === m.status) &&
        (m.deadline === undefined || Date.parse(str(x.deadline)) === Date.parse(m.deadline)),
    );
  } else if (e.rule !== undefined) {
    const m = e.rule;
    found = log.timeline.filter(
      (x) => refOk(x, m.ref) && x.nodeId === m.nodeId && x.outcome === (m.outcome ?? 'fired'),
    );
  } else if (e.step !== undefined) {
    const m = e.step;
    found = log.timeline.filter(
      (x) =>
        x.kind === 'step' &&
        refOk(x, m.ref) &&
        x.outcome === m.outcome &&
        (m.do === undefined ||
          (x.data as { step?: { do?: string } } | undefined)?.step?.do === m.do),
    );
  }
  return countResult(e, index, found.filter(inWindow));
}
