import { describe, expect, it } from 'vitest';
import { createApp } from '../../../runtime/app/create-app.js';
import { Scheduler } from '../../../runtime/scheduler/scheduler.js';
import type { WakeUp } from '../../../runtime/scheduler/wake-up.js';
import { MemoryStore } from '../../../runtime/store/memory-store.js';
import { TIMER_LAB_MODEL } from '../../http/timer-lab-model.js';
import { waitFor } from '../../support/wait-for.js';

/** An alarm the test rings by hand; it remembers what the scheduler asked for. */
function manualWakeUp() {
  const armed = new Map<number, { ms: number; fn: () => void }>();
  let n = 0;
  const wakeUp: WakeUp = {
    set(ms, fn) {
      n += 1;
      const id = n;
      // Like a real timer: once rung, it is no longer armed.
      armed.set(id, { ms, fn: () => (armed.delete(id), fn()) });
      return id;
    },
    clear(handle) {
      armed.delete(handle as number);
    },
  };
  const pending = () => {
    expect(armed.size).toBe(1);
    return [...armed.values()][0] as { ms: number; fn: () => void };
  };
  /** Waits until the one armed alarm is set for `ms` (the scheduler re-arms after a commit). */
  const armedFor = async (ms: number) =>
    waitFor(`the alarm armed for ${ms} ms`, () => {
      const [only] = armed.values();
      return armed.size === 1 && only?.ms === ms ? only : undefined;
    });
  return { wakeUp, pending, armedFor };
}

describe('Scheduler wake-ups', () => {
  it('sleeps until the earliest due time, re-arms when a sooner timer appears, fires on waking', async () => {
    let t = Date.parse('2026-03-10T07:00:00Z');
    const clock = { now: () => new Date(t) };
    const store = new MemoryStore();
    const c = await createApp({ store, clock });
    await c.models.create(TIMER_LAB_MODEL);
    await c.models.publish('timer-lab');
    const alarm = manualWakeUp();
    const scheduler = new Scheduler(c.core, { wakeUp: alarm.wakeUp, maxSleepMs: 3_600_000 });
    scheduler.start();
    await alarm.armedFor(3_600_000); // nothing pending: the longest sleep

    const late = await c.records.create('deal', {
      pipeline: 'lab',
      fields: { title: 'late', call_at: '2026-03-10T07:40:00Z' }, // before_call due 07:30
    });
    await alarm.armedFor(30 * 60_000);

    const soon = await c.records.create('deal', {
      pipeline: 'lab',
      fields: { title: 'soon', call_at: '2026-03-10T07:12:00Z' }, // before_call due 07:02
    });
    await alarm.armedFor(2 * 60_000);

    // The clock jumped past the due time while asleep: waking fires it, then re-arms.
    t = Date.parse('2026-03-10T07:05:00Z');
    alarm.pending().fn();
    await alarm.armedFor(7 * 60_000); // soon's at_call_kept, due 07:12
    expect((await store.get('records', soon.id))?.fields.fires).toBe(1);
    expect((await store.get('records', late.id))?.fields.fires).toBeUndefined();

    // Removing that timer: waking at 07:12 finds nothing due and sleeps until 07:30.
    const [kept] = (await store.query('timers', { recordId: soon.id }, { limit: 1000 })).items;
    expect(kept?.ruleId).toBe('robot:at_call_kept');
    await c.core.store.commit([{ op: 'delete', collection: 'timers', key: kept?.id ?? '' }]);
    t = Date.parse('2026-03-10T07:12:00Z');
    alarm.pending().fn();
    await alarm.armedFor(18 * 60_000);
    await scheduler.stop();
  });
});
