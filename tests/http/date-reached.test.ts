import { describe, expect, it } from 'vitest';
import { GAPS_MODEL } from '../unit/runtime/engine-gaps-model.js';
import { startServer } from './server-harness.js';

const MIN = 60_000;
interface Entry {
  kind: string;
  ruleId?: string;
  outcome?: string;
  data?: Record<string, unknown>;
}

describe('date_reached triggers and event payloads on the live server', () => {
  it('persists a date timer (GET /api/timers), re-plans it on PATCH, fires it after a restart', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    const h = await startServer(undefined, { clock });
    await h.call('POST', '/api/models', GAPS_MODEL);
    expect((await h.call('POST', '/api/models/gaps-lab/publish', {})).status).toBe(201);
    const callBack = new Date(t + 3 * 60 * MIN).toISOString();
    const created = await h.call('POST', '/api/records/deals', {
      pipeline: 'desk',
      fields: { title: 'Call me', responsible: 'ivanov', call_back_at: callBack },
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;

    const listed = (await h.call('GET', '/api/timers?model=gaps-lab')).body.items;
    expect(listed.length).toBe(1);
    expect(listed[0]).toMatchObject({
      ruleId: 'trigger:call_back_due',
      recordId: id,
      source: 'trigger',
      stage: 'callback',
      dueAt: new Date(t + 165 * MIN).toISOString(),
    });

    const later = new Date(t + 5 * 60 * MIN).toISOString();
    expect(
      (await h.call('PATCH', `/api/records/deals/${id}`, { fields: { call_back_at: later } }))
        .status,
    ).toBe(200);
    const mine = (await h.call('GET', `/api/records/deals/${id}/timers`)).body.items;
    expect(mine.map((x: { dueAt: string }) => x.dueAt)).toEqual([
      new Date(t + 285 * MIN).toISOString(),
    ]);

    // Not due yet at the old time; due (and fired once) after a restart past the new one.
    t += 170 * MIN;
    expect(await h.conveyor.scheduler.tick()).toBe(0);
    await h.close();
    t += 120 * MIN;
    const again = await startServer(h.dataDir, { clock });
    expect(await again.conveyor.scheduler.tick()).toBe(1);
    expect(await again.conveyor.scheduler.tick()).toBe(0);
    const deal = (await again.call('GET', `/api/records/deals/${id}`)).body;
    expect(deal.stage).toBe('callback');
    const tl = (await again.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];
    const trigger = tl.filter((e) => e.ruleId === 'trigger:call_back_due');
    expect(trigger.map((e) => e.kind)).toContain('timer_fired');
    expect(trigger.filter((e) => e.outcome === 'fired')).toHaveLength(1);
    expect((await again.call('GET', '/api/timers')).body.items.length).toBe(0);
    await again.close();
  });

  it('gives the payload of POST /api/events to the robots of the stage it moved the deal into', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    const h = await startServer(undefined, { clock });
    await h.call('POST', '/api/models', GAPS_MODEL);
    await h.call('POST', '/api/models/gaps-lab/publish', {});
    const id = (
      await h.call('POST', '/api/records/deals', {
        pipeline: 'desk',
        fields: { title: 'Pay', responsible: 'ivanov' },
      })
    ).body.id as string;
    const paid = await h.call('POST', '/api/events', {
      kind: 'payment_received',
      entity: 'deal',
      recordId: id,
      payload: { amount: 1250 },
    });
    expect(paid.status).toBe(200);
    expect(paid.body.record.stage).toBe('paid');
    const timers = (await h.call('GET', `/api/records/deals/${id}/timers`)).body.items;
    expect(timers[0]).toMatchObject({ ruleId: 'robot:check_later', payload: { amount: 1250 } });
    t += 61 * MIN;
    expect(await h.conveyor.scheduler.tick()).toBe(1);
    const tasks = (await h.call('GET', `/api/records/deals/${id}/tasks`)).body.items as Array<{
      title: string;
    }>;
    expect(tasks.map((x) => x.title).sort()).toEqual([
      'Check the payment of 1250',
      'Payment of 1250 received',
    ]);
    await h.close();
  });
});
