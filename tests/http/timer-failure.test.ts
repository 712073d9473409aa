import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer, type Harness } from './server-harness.js';
import { TIMER_LAB_MODEL } from './timer-lab-model.js';

const T0 = Date.parse('2026-03-02T09:00:00Z');
const HOUR = 3_600_000;
const RETRY = { maxAttempts: 3, baseDelayMs: 60_000, maxDelayMs: 10 * 60_000, jitter: 0 };

/** The lab model with one robot: comment at `call_at`. */
const MODEL = {
  ...TIMER_LAB_MODEL,
  id: 'failing',
  pipelines: TIMER_LAB_MODEL.pipelines.map((p) => ({
    ...p,
    stages: p.stages.map((s) => ({
      ...s,
      robots: s.robots
        .filter((r) => r.id === 'at_call_kept')
        .map((r) => ({ ...r, id: 'call', action: { type: 'add_comment', text: 'calling' } })),
    })),
  })),
};

interface Entry {
  kind: string;
  outcome?: string;
  message: string;
  data?: Record<string, unknown>;
}

describe('a timer whose run fails', () => {
  let t = T0;
  let h: Harness;
  const tick = () => h.conveyor.scheduler.tick();
  const failures = async (id: string) =>
    ((await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[]).filter(
      (e) => e.kind === 'timer_failed',
    );
  const timersOf = async (id: string) =>
    (await h.call('GET', `/api/records/deals/${id}/timers`)).body.items as Array<{
      id: string;
      dueAt: string;
      attempts?: number;
      lastError?: string;
      status?: string;
    }>;
  const newDeal = async (): Promise<string> => {
    const res = await h.call('POST', '/api/records/deals', {
      model: 'failing',
      pipeline: 'lab',
      fields: { title: 'Call me', call_at: new Date(t + HOUR).toISOString() },
    });
    expect(res.status).toBe(201);
    return res.body.id as string;
  };

  beforeEach(async () => {
    t = T0;
    h = await startServer(undefined, { clock: { now: () => new Date(t) }, timerRetry: RETRY });
    expect((await h.call('POST', '/api/models', MODEL)).status).toBe(201);
    expect((await h.call('POST', '/api/models/failing/publish', {})).status).toBe(201);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await h.close();
  });

  it('is recorded each time, retried with growing delays, then parked and listed', async () => {
    const id = await newDeal();
    const broken = vi
      .spyOn(h.conveyor.core.engine, 'fireTimer')
      .mockRejectedValue(new Error('the robot exploded'));

    t += HOUR;
    expect(await tick()).toBe(0);
    let [timer] = await timersOf(id);
    expect(timer).toMatchObject({ attempts: 1, lastError: 'the robot exploded' });
    expect(Date.parse(timer!.dueAt) - t).toBe(60_000);
    expect(await failures(id)).toMatchObject([
      {
        outcome: 'retry',
        message: expect.stringContaining('failed (attempt 1 of 3): the robot exploded'),
        data: { reason: 'failed', attempts: 1, error: 'the robot exploded' },
      },
    ]);

    // Not tried again before its next attempt is due, however often the scheduler looks.
    expect(await tick()).toBe(0);
    t += 30_000;
    expect(await tick()).toBe(0);
    expect(await failures(id)).toHaveLength(1);

    t += 30_000;
    expect(await tick()).toBe(0);
    [timer] = await timersOf(id);
    expect(timer?.attempts).toBe(2);
    expect(Date.parse(timer!.dueAt) - t).toBe(120_000);

    t += 120_000;
    expect(await tick()).toBe(0);
    [timer] = await timersOf(id);
    expect(timer).toMatchObject({ attempts: 3, status: 'failed' });
    const all = await failures(id);
    expect(all.map((e) => e.outcome)).toEqual(['retry', 'retry', 'parked']);
    expect(all[2]?.message).toContain('parked; POST /api/timers/:id/retry runs it again');
    expect(broken).toHaveBeenCalledTimes(3);

    // Parked: a day later it has still not run again.
    t += 24 * HOUR;
    expect(await tick()).toBe(0);
    expect(broken).toHaveBeenCalledTimes(3);
    const failed = (await h.call('GET', '/api/timers?status=failed')).body.items;
    expect(failed.map((x: { id: string }) => x.id)).toEqual([timer?.id]);
    expect((await h.call('GET', '/api/timers?status=pending')).body.items.length).toBe(0);

    // Fixed and retried by a user: it runs once, attempts from zero.
    broken.mockRestore();
    const retried = await h.call('POST', `/api/timers/${timer?.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body.attempts).toBeUndefined();
    expect(await tick()).toBe(1);
    expect(await timersOf(id)).toEqual([]);
    const tl = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];
    expect(tl.filter((e) => e.kind === 'comment').map((e) => e.message)).toEqual(['calling']);
    expect(tl.some((e) => e.kind === 'timer_retried')).toBe(true);
  });

  it('a parked timer can be dropped; only a parked one can be retried', async () => {
    const id = await newDeal();
    const [pending] = await timersOf(id);
    expect((await h.call('POST', `/api/timers/${pending?.id}/retry`, {})).status).toBe(409);
    expect((await h.call('POST', '/api/timers/nope/retry', {})).status).toBe(404);

    vi.spyOn(h.conveyor.core.engine, 'fireTimer').mockRejectedValue(new Error('no'));
    t += HOUR;
    for (let i = 0; i < RETRY.maxAttempts; i++) {
      expect(await tick()).toBe(0);
      t += 10 * 60_000;
    }
    const [parked] = await timersOf(id);
    expect(parked?.status).toBe('failed');
    const dropped = await h.call('DELETE', `/api/timers/${parked?.id}`);
    expect(dropped.status).toBe(200);
    expect(await timersOf(id)).toEqual([]);
    const tl = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];
    expect(tl.at(-1)).toMatchObject({
      kind: 'timer_cancelled',
      data: { reason: 'cancelled_by_api' },
    });
  });
});
