import { describe, expect, it } from 'vitest';
import { createApp } from '../../../runtime/app/create-app.js';
import type { TimerDoc } from '../../../runtime/domain/timer.js';
import type { WriteOp } from '../../../runtime/domain/write-op.js';
import { Scheduler } from '../../../runtime/scheduler/scheduler.js';
import { MemoryStore } from '../../../runtime/store/memory-store.js';
import { TIMER_LAB_MODEL } from '../../http/timer-lab-model.js';

/** A memory store that remembers every batch's timer puts. */
class RecordingStore extends MemoryStore {
  readonly timerPuts: TimerDoc[][] = [];
  override async commit(ops: readonly WriteOp[]): Promise<void> {
    const puts = ops.flatMap((op) =>
      op.op === 'put' && op.collection === 'timers' ? [op.value] : [],
    );
    if (puts.length > 0) this.timerPuts.push(puts);
    return super.commit(ops);
  }
}

async function setUp(deals: number) {
  let t = Date.parse('2026-03-10T07:00:00Z');
  const clock = { now: () => new Date(t) };
  const store = new RecordingStore();
  const c = await createApp({ store, clock });
  await c.models.create(TIMER_LAB_MODEL);
  await c.models.publish('timer-lab');
  for (let i = 0; i < deals; i++)
    await c.records.create('deal', {
      pipeline: 'lab',
      fields: { title: `d${i}`, call_at: '2026-03-10T08:00:00Z' }, // before_call due 07:50
    });
  const dueTimers = async () =>
    (await store.query('timers', { dueBefore: '2026-03-10T07:55:00.000Z' }, { limit: 1000 })).items;
  return { c, store, dueTimers, later: () => (t = Date.parse('2026-03-10T07:55:00Z')) };
}

describe('Scheduler groups', () => {
  it('marks the timers due together in one write, then runs each in its own batch', async () => {
    const { c, store, dueTimers, later } = await setUp(5);
    expect(await dueTimers()).toHaveLength(5);
    store.timerPuts.length = 0;
    later();
    const scheduler = new Scheduler(c.core);
    expect(await scheduler.tick()).toBe(5);
    const marks = store.timerPuts.filter((puts) => puts.some((p) => p.queuedRun === true));
    expect(marks).toHaveLength(1);
    expect(marks[0]?.map((p) => p.queuedRun)).toEqual([true, true, true, true, true]);
    expect(marks[0]?.every((p) => p.inFlight === undefined)).toBe(true);
    expect(await dueTimers()).toEqual([]);
  });

  it('runs each timer of a group the process died in alone, counting its run in flight', async () => {
    const { c, store, dueTimers, later } = await setUp(3);
    // What a crash during a group leaves: every timer marked queued, none finished.
    const queued = (await dueTimers()).map((t) => ({ ...t, queuedRun: true as const }));
    await store.commit(
      queued.map((t) => ({ op: 'put', collection: 'timers', key: t.id, value: t })),
    );
    store.timerPuts.length = 0;
    later();
    expect(await new Scheduler(c.core).tick()).toBe(3);
    const marks = store.timerPuts.filter((puts) => puts.some((p) => (p.inFlight ?? 0) > 0));
    expect(marks.map((puts) => puts.length)).toEqual([1, 1, 1]);
    expect(marks.flat().every((p) => p.inFlight === 1 && p.queuedRun === undefined)).toBe(true);
    expect(await dueTimers()).toEqual([]);
  });
});
