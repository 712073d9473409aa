import type { RecordDoc } from '../../runtime/domain/record.js';
import type { TimelineEntry } from '../../runtime/domain/timeline.js';
import type { TimerDoc } from '../../runtime/domain/timer.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import type { WriteOp } from '../../runtime/domain/write-op.js';

/** An ISO time `n` minutes after a fixed start, so sort keys are predictable. */
export const at = (n: number): string => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();

export function record(id: string, n: number, over: Partial<RecordDoc> = {}): RecordDoc {
  return {
    id,
    entity: 'deal',
    model: 'm1',
    pipeline: 'sales',
    stage: 'new',
    fields: { title: `Deal ${id}`, responsible: 'ivanov', amount: n * 100 },
    links: [],
    createdAt: at(n),
    updatedAt: at(n),
    ...over,
  };
}

export function timer(id: string, due: number, over: Partial<TimerDoc> = {}): TimerDoc {
  return {
    id,
    dueAt: at(due),
    ruleId: 'robot:r',
    recordId: 'r1',
    modelId: 'm1',
    version: 1,
    pipeline: 'sales',
    stage: 'new',
    eventId: 'e1',
    idempotencyKey: `k-${id}`,
    onLeaveStage: 'cancel',
    entity: 'deal',
    ...over,
  };
}

export function entry(id: string, recordId: string, n: number, seq = 0): TimelineEntry {
  return { id, recordId, at: at(n), seq, kind: 'note', message: `entry ${id}` };
}

export function outbox(id: string, n: number, over: Partial<OutboxDoc> = {}): OutboxDoc {
  return {
    id,
    recordId: 'r1',
    kind: 'send_email',
    to: 'a@example.com',
    body: 'hello',
    createdAt: at(n),
    idempotencyKey: `o-${id}`,
    status: 'pending',
    ...over,
  };
}

export const putRecord = (r: RecordDoc, expectRevision?: number | null): WriteOp => ({
  op: 'put',
  collection: 'records',
  key: r.id,
  value: r,
  ...(expectRevision === undefined ? {} : { expectRevision }),
});

export const putTimer = (t: TimerDoc): WriteOp => ({
  op: 'put',
  collection: 'timers',
  key: t.id,
  value: t,
});

export const appendEntry = (e: TimelineEntry): WriteOp => ({
  op: 'append',
  collection: 'timeline',
  key: e.id,
  value: e,
});
