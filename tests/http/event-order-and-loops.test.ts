import { describe, expect, it } from 'vitest';
import { COURIER_MODEL } from '../unit/runtime/courier-model.js';
import { redeliveryLoopModel } from '../unit/runtime/redelivery-loop-model.js';
import { startServer, type Harness } from './server-harness.js';

const HOUR = 3_600_000;
type Entry = { kind: string; outcome?: string; ruleId?: string; data?: Record<string, unknown> };

async function publish(h: Harness, model: { id?: unknown }): Promise<void> {
  expect((await h.call('POST', '/api/models', model)).status).toBe(201);
  const pub = await h.call('POST', `/api/models/${String(model.id)}/publish`, {});
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
}

async function createDeal(h: Harness, pipeline: string, stage: string, title: string) {
  const res = await h.call('POST', '/api/records/deals', { pipeline, stage, fields: { title } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; stage: string };
}

const timeline = async (h: Harness, id: string) =>
  (await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];

describe('events reach linked records in the order they happened, over HTTP', () => {
  it('a delivery packed, then at once handed to the courier and returned, leaves its sale in Returned', async () => {
    const h = await startServer();
    try {
      await publish(h, COURIER_MODEL);
      const sale = await createDeal(h, 'sales', 'paid', 'Pump');
      const parcel = await createDeal(h, 'delivery', 'new_request', 'Parcel');
      const linked = await h.call('POST', `/api/records/deals/${parcel.id}/links`, {
        entity: 'deal',
        id: sale.id,
      });
      expect(linked.status).toBe(200);
      const moved = await h.call('POST', `/api/records/deals/${parcel.id}/move`, {
        stage: 'packed',
      });
      expect(moved.status).toBe(200);
      expect(moved.body.stage).toBe('returned');
      expect((await h.call('GET', `/api/records/deals/${sale.id}`)).body.stage).toBe('returned');
      const path = (await timeline(h, sale.id))
        .filter((e) => e.kind === 'stage_changed')
        .map((e) => (e.data?.to as { stage: string }).stage);
      expect(path).toEqual(['packing', 'shipped', 'returned']);
    } finally {
      await h.close();
    }
  });
});

describe('loops through timers are stopped, over HTTP', () => {
  it('POST /api/simulate: the hourly redelivery loop stops with loop_stopped where it started and where it stopped', async () => {
    const h = await startServer();
    try {
      const res = await h.call('POST', '/api/simulate', {
        model: redeliveryLoopModel({ maxCreatedRecords: 3 }),
        horizon: { value: 1, unit: 'days' },
        records: [
          { ref: 'sale', entity: 'deal', pipeline: 'sales', stage: 'awaiting_delivery' },
          {
            ref: 'parcel',
            entity: 'deal',
            pipeline: 'delivery',
            stage: 'new_request',
            links: ['sale'],
          },
        ],
        steps: [
          { at: { value: 0, unit: 'minutes' }, do: 'move', ref: 'parcel', stage: 'returned' },
        ],
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const stopped = (res.body.timeline as Array<Entry & { ref: string; minute: number }>).filter(
        (e) => e.kind === 'loop_stopped',
      );
      expect(stopped.map((e) => `${e.ref} +${e.minute}`).sort()).toEqual([
        'parcel +180',
        'sale +180',
      ]);
      expect(stopped[0]?.data).toMatchObject({ reason: 'max_created_records', limit: 3 });
      const made = (res.body.records as Array<{ ref: string }>).filter((r) =>
        r.ref.startsWith('auto-'),
      );
      expect(made).toHaveLength(3);
      expect(res.body.timers).toEqual([]);
    } finally {
      await h.close();
    }
  });

  it('a delayed robot’s timer keeps its chain across a restart, and the loop is stopped when it fires', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    const h = await startServer(undefined, { clock });
    await publish(h, redeliveryLoopModel({ maxCreatedRecords: 1 }));
    const sale = await createDeal(h, 'sales', 'awaiting_delivery', 'Pump');
    const parcel = await createDeal(h, 'delivery', 'returned', 'Parcel');
    await h.call('POST', `/api/records/deals/${parcel.id}/links`, { entity: 'deal', id: sale.id });
    // The parcel came back: the sale goes back to Paid and makes the next delivery.
    await h.call('POST', `/api/records/deals/${sale.id}/move`, { stage: 'paid' });
    const after = (await h.call('GET', `/api/records/deals/${sale.id}`)).body;
    const delivery = (after.links as Array<{ id: string }>).find((l) => l.id !== parcel.id);
    expect(delivery).toBeDefined();
    const chainOf = async (x: Harness) =>
      (
        (await x.call('GET', `/api/records/deals/${delivery?.id}/timers`)).body.items as Array<{
          chain?: unknown;
        }>
      )[0]?.chain;
    const chain = await chainOf(h);
    expect(chain).toMatchObject({
      origin: { kind: 'stage_changed', recordId: sale.id },
      created: 1,
    });
    await h.close();

    t += HOUR + 1;
    const again = await startServer(h.dataDir, { clock });
    try {
      expect(await chainOf(again)).toEqual(chain);
      expect(await again.conveyor.scheduler.tick()).toBe(1);
      // Returned again, the sale is back in Paid, but a second delivery is past the limit.
      const stopped = (await timeline(again, sale.id)).filter((e) => e.kind === 'loop_stopped');
      expect(stopped).toHaveLength(1);
      expect(stopped[0]?.data).toMatchObject({
        reason: 'max_created_records',
        origin: { kind: 'stage_changed', recordId: sale.id },
      });
      const deals = (await again.call('GET', '/api/records/deals?pipeline=delivery')).body.items;
      expect(deals).toHaveLength(2);
      expect(await again.conveyor.scheduler.tick()).toBe(0);
    } finally {
      await again.close();
    }
  });
});
