import { describe, expect, it } from 'vitest';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { WriteOp } from '../../../runtime/domain/write-op.js';
import { LiveHub, type LiveEvent } from '../../../runtime/live/live-hub.js';

const AT = '2026-12-07T10:00:00.000Z';
const LATER = '2026-12-07T10:05:00.000Z';

function put(r: Partial<RecordDoc> & { id: string }): WriteOp {
  const value: RecordDoc = {
    entity: 'deal',
    model: 'm',
    pipeline: 'sales',
    stage: 'new',
    fields: { title: 'T', amount: 5, responsible: 'u1' },
    links: [],
    createdAt: AT,
    updatedAt: AT,
    ...r,
  };
  return { op: 'put', collection: 'records', key: r.id, value };
}

describe('LiveHub: live events from durable batches', () => {
  it('names created, moved, updated and deleted records, with the revision after the change', () => {
    const hub = new LiveHub();
    const seen: LiveEvent[] = [];
    hub.subscribe(
      (e) => seen.push(e),
      () => undefined,
    );
    hub.committed([put({ id: 'd1' })]);
    hub.committed([
      put({ id: 'd1', revision: 1, stage: 'won', updatedAt: LATER, stageEnteredAt: LATER }),
    ]);
    hub.committed([
      put({ id: 'd1', revision: 2, updatedAt: '2026-12-07T11:00:00.000Z', stageEnteredAt: LATER }),
    ]);
    hub.committed([{ op: 'delete', collection: 'records', key: 'd1' }]);
    expect(
      seen.map((e) => [
        e.type,
        e.data.id,
        'kind' in e.data ? e.data.kind : '',
        'revision' in e.data ? e.data.revision : undefined,
      ]),
    ).toEqual([
      ['record', 'd1', 'created', 1],
      ['record', 'd1', 'moved', 2],
      ['record', 'd1', 'updated', 3],
      ['record', 'd1', 'deleted', undefined],
    ]);
    // The deletion still says where the record was (remembered from its puts).
    expect(seen[3]?.data).toMatchObject({ entity: 'deal', pipeline: 'sales' });
    expect(seen[0]?.data).toMatchObject({ title: 'T', amount: 5, responsible: 'u1' });
  });

  it('gives one event per record and batch; timer and outbox items name their record', () => {
    const hub = new LiveHub();
    const seen: LiveEvent[] = [];
    hub.subscribe(
      (e) => seen.push(e),
      () => undefined,
    );
    hub.committed([
      put({ id: 'd1' }),
      put({ id: 'd1', stage: 'won', updatedAt: AT, stageEnteredAt: AT }),
      {
        op: 'put',
        collection: 'timers',
        key: 't1',
        value: {
          id: 't1',
          dueAt: LATER,
          ruleId: 'robot:r',
          recordId: 'd1',
          modelId: 'm',
          version: 1,
          pipeline: 'sales',
          stage: 'won',
          eventId: 'e',
          idempotencyKey: 'k',
          onLeaveStage: 'cancel',
        },
      },
    ]);
    hub.committed([{ op: 'delete', collection: 'timers', key: 't1' }]);
    expect(seen.map((e) => e.type)).toEqual(['record', 'timer', 'timer']);
    expect(seen[0]?.data).toMatchObject({ kind: 'created', stage: 'won' });
    expect(seen[2]?.data).toMatchObject({
      id: 't1',
      change: 'removed',
      recordId: 'd1',
      entity: 'deal',
    });
  });

  it('replays what came after an id while it is in the ring, else says reset', () => {
    const hub = new LiveHub({ capacity: 3 });
    const start = hub.lastId();
    hub.committed([put({ id: 'a' })]);
    const afterA = hub.lastId();
    hub.committed([put({ id: 'b' })]);
    hub.committed([put({ id: 'c' })]);
    const since = hub.since(afterA);
    expect(since === 'reset' ? since : since.map((e) => e.data.id)).toEqual(['b', 'c']);
    expect(hub.since(hub.lastId())).toEqual([]);
    hub.committed([put({ id: 'd' })]);
    // `start` needs "a", which the ring of 3 no longer holds.
    expect(hub.since(start)).toBe('reset');
    expect(hub.since('00000000-1')).toBe('reset');
    expect(hub.since('garbage')).toBe('reset');
    expect(hub.since(`${hub.lastId().split('-')[0]}-999`)).toBe('reset');
  });

  it('close ends every stream and forgets its listeners', () => {
    const hub = new LiveHub();
    let ended = 0;
    hub.subscribe(
      () => undefined,
      () => (ended += 1),
    );
    hub.subscribe(
      () => undefined,
      () => (ended += 1),
    );
    expect(hub.streams).toBe(2);
    hub.close();
    expect([ended, hub.streams]).toEqual([2, 0]);
  });
});
