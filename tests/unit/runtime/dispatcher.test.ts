import { describe, expect, it } from 'vitest';
import { createApp } from '../../../runtime/app/create-app.js';
import { DispatcherStoppedError } from '../../../runtime/delivery/dispatcher.js';
import type { MessageChannel, OutgoingMessage } from '../../../runtime/delivery/delivery-ports.js';
import { MemoryStore } from '../../../runtime/store/memory-store.js';
import { outsideModel } from '../../http/delivery-models.js';
import { waitFor } from '../../support/wait-for.js';

/** A gateway adapter that answers after a pause and counts how many calls overlap. */
function slowGateway(ms: number) {
  let now = 0;
  const seen: OutgoingMessage[] = [];
  const stats = { maxParallel: 0 };
  const channel: MessageChannel = {
    async send(message) {
      now += 1;
      stats.maxParallel = Math.max(stats.maxParallel, now);
      await new Promise((r) => setTimeout(r, ms));
      now -= 1;
      seen.push(message);
      return { ok: true, status: 200 };
    },
  };
  return { channel, seen, stats };
}

describe('Dispatcher', () => {
  it('sends a backlog at most `concurrency` at a time, each once', async () => {
    const gw = slowGateway(15);
    const store = new MemoryStore();
    const c = await createApp({
      store,
      delivery: { channels: { default: gw.channel } },
      retryPolicy: { baseDelayMs: 10 },
    });
    await c.models.create(outsideModel());
    await c.models.publish('outside');
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      const d = await c.records.create('deal', {
        model: 'outside',
        pipeline: 'orders',
        fields: { title: `D${i}` },
      });
      await c.records.move('deal', d.id, { stage: 'notify' });
      ids.push(d.id);
    }
    await waitFor('20 messages at the gateway', () => (gw.seen.length >= 20 ? true : undefined));
    await c.dispatcher.stop();
    expect(gw.seen).toHaveLength(20);
    expect(new Set(gw.seen.map((m) => m.recordId))).toEqual(new Set(ids));
    expect(gw.stats.maxParallel).toBeGreaterThan(1);
    expect(gw.stats.maxParallel).toBeLessThanOrEqual(8);
    const outbox = (await c.delivery.outbox({ kind: 'send_message' }, {})).items;
    expect(outbox.every((o) => o.status === 'sent' && o.attempts === 1)).toBe(true);
  });

  it('without delivery adapters keeps everything in the outbox (the simulation contract)', async () => {
    const c = await createApp({ store: new MemoryStore() });
    await c.models.create(outsideModel());
    await c.models.publish('outside');
    const d = await c.records.create('deal', { model: 'outside', pipeline: 'orders', fields: {} });
    await c.records.move('deal', d.id, { stage: 'notify' });
    await c.records.move('deal', d.id, { stage: 'sync_flaky' });
    const items = (await c.delivery.outbox({ recordId: d.id }, {})).items;
    expect(items.map((i) => [i.kind, i.status])).toEqual([
      ['send_message', 'kept'],
      ['webhook', 'kept'],
    ]);
  });

  it('fails a queue job that arrives while stopped, so the queue retries it, instead of dropping it', async () => {
    const gw = slowGateway(1);
    const c = await createApp({
      store: new MemoryStore(),
      delivery: { channels: { default: gw.channel } },
      deliveriesByJobs: true,
    });
    await c.models.create(outsideModel());
    await c.models.publish('outside');
    const d = await c.records.create('deal', { model: 'outside', pipeline: 'orders', fields: {} });
    await c.records.move('deal', d.id, { stage: 'notify' });
    const [item] = (await c.delivery.outbox({ recordId: d.id }, {})).items;
    expect(item?.status).toBe('pending');
    const id = item?.id as string;
    // By jobs, nothing is sent until the queue's job calls `deliver`.
    expect(gw.seen).toHaveLength(0);

    await c.dispatcher.stop();
    await expect(c.dispatcher.deliver(id)).rejects.toBeInstanceOf(DispatcherStoppedError);
    const still = (await c.delivery.outbox({ recordId: d.id }, {})).items[0];
    expect([still?.status, still?.attempts ?? 0, gw.seen.length]).toEqual(['pending', 0, 0]);

    // The retried job, once a dispatcher runs (another process, or this one again), sends it.
    await c.dispatcher.start();
    await c.dispatcher.deliver(id);
    const sent = (await c.delivery.outbox({ recordId: d.id }, {})).items[0];
    expect([sent?.status, sent?.attempts, gw.seen.length]).toEqual(['sent', 1, 1]);
    await c.dispatcher.stop();
  });
});
