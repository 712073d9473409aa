import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../runtime/delivery/http-client.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import type { TimelineEntry } from '../../runtime/domain/timeline.js';
import { outsideModel } from './delivery-models.js';
import {
  dealWithClient,
  FAST_RETRY,
  publish,
  startReceiver,
  waitFor,
  type Receiver,
  LOOPBACK_ALLOWED,
} from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

describe('outgoing webhooks against a real receiver that fails on purpose', () => {
  let rx: Receiver;
  let h: Harness;
  beforeAll(async () => {
    rx = await startReceiver();
    h = await startServer(undefined, {
      delivery: { http: createHttpClient({ allow: LOOPBACK_ALLOWED }) },
      retryPolicy: FAST_RETRY,
    });
    await publish(h, outsideModel(rx.url));
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
    await rx.close();
  });

  const outbox = async (id: string): Promise<OutboxDoc[]> =>
    (await h.call('GET', `/api/outbox?recordId=${id}&kind=webhook`)).body.items;
  const timeline = async (id: string): Promise<TimelineEntry[]> =>
    (await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items;
  const settled = (id: string, status: string) =>
    waitFor(`webhook ${status}`, async () => {
      const items = await outbox(id);
      return items[0]?.status === status ? items[0] : undefined;
    });

  it('retries 503 with backoff and records the final 200 in the timeline', async () => {
    const id = await dealWithClient(h, 'Flaky');
    expect(
      (await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_flaky' })).status,
    ).toBe(200);
    const item = await settled(id, 'sent');
    expect(item.attempts).toBe(3);
    expect(item.response).toEqual({ status: 200, excerpt: '{"ok":true}' });
    const calls = rx.received.filter((r) => r.path === '/flaky');
    expect(calls).toHaveLength(3);
    expect(JSON.parse(calls[0]!.body)).toEqual({ deal: 'Flaky', amount: 1500 });
    // Every attempt carries the action's idempotency key, so the receiver can dedupe.
    expect(new Set(calls.map((c) => c.headers['idempotency-key']))).toEqual(
      new Set([item.idempotencyKey]),
    );
    const deliveries = (await timeline(id)).filter((e) => e.kind === 'delivery');
    expect(deliveries.map((e) => e.outcome)).toEqual(['retry', 'retry', 'sent']);
    expect(deliveries[0]!.data).toMatchObject({
      response: { status: 503, excerpt: 'busy, try later' },
    });
    expect(deliveries[2]!.message).toContain('delivered (200) on attempt 3');
  });

  it('does not retry a 400: one call, then a dead letter that can be replayed', async () => {
    const id = await dealWithClient(h, 'Bad');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_bad' });
    const dead = await settled(id, 'dead');
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toBe('HTTP 400');
    expect(dead.response?.excerpt).toContain('amount is not a number');
    expect(rx.received.filter((r) => r.path === '/bad')).toHaveLength(1);
    const letters: OutboxDoc[] = (await h.call('GET', '/api/dead-letters')).body.items;
    expect(letters.map((l) => l.id)).toContain(dead.id);

    const replay = await h.call('POST', `/api/dead-letters/${dead.id}/replay`);
    expect(replay.status).toBe(200);
    expect(replay.body.status).toBe('pending');
    await waitFor('the replayed call', async () =>
      rx.received.filter((r) => r.path === '/bad').length === 2 ? true : undefined,
    );
    const again = await settled(id, 'dead');
    expect(again.attempts).toBe(1);
    expect((await timeline(id)).filter((e) => e.kind === 'delivery').map((e) => e.outcome)).toEqual(
      ['dead', 'replayed', 'dead'],
    );
  });

  it('times out a receiver that never answers, retries, then gives up', async () => {
    const id = await dealWithClient(h, 'Hang');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_hang' });
    const dead = await settled(id, 'dead');
    expect(dead.attempts).toBe(2); // the action's own maxAttempts
    expect(dead.lastError).toBe('no answer within 200 ms');
    expect(rx.received.filter((r) => r.path === '/hang')).toHaveLength(2);
  });

  it('keeps only an excerpt of a large answer; the json filter escapes values', async () => {
    const id = await dealWithClient(h, 'Big "quoted" order');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_big' });
    const sent = await settled(id, 'sent');
    expect(sent.response?.status).toBe(200);
    expect(sent.response?.excerpt?.length).toBeLessThanOrEqual(501);
    const call = rx.received.find((r) => r.path === '/big');
    expect(JSON.parse(call?.body ?? '')).toEqual({ deal: 'Big "quoted" order' });
  });

  it('answers replay of unknown or live items with 404 and 409', async () => {
    expect((await h.call('POST', '/api/dead-letters/nope/replay')).status).toBe(404);
    const id = await dealWithClient(h, 'Live');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_flaky' });
    const sent = await settled(id, 'sent');
    const res = await h.call('POST', `/api/dead-letters/${sent.id}/replay`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_DEAD');
  });
});
