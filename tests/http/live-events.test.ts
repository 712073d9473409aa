import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';
import { openSse, type SseClient } from './sse-client.js';

describe('GET /api/events: live changes as Server-Sent Events', () => {
  let h: Harness;
  const opened: SseClient[] = [];
  const auth = () => ({ authorization: `Bearer ${h.ownerToken ?? ''}` });
  const sse = async (query = '', headers: Record<string, string> = {}) => {
    const c = await openSse(`${h.url}/api/events${query}`, { ...auth(), ...headers });
    opened.push(c);
    return c;
  };
  beforeAll(async () => {
    h = await startServer(undefined, { liveHeartbeatMs: 200, liveCapacity: 10 });
    await h.call('POST', '/api/models', handoffModel);
    await h.call('POST', '/api/models/handoff/publish', {});
  });
  afterAll(async () => {
    for (const c of opened) c.close();
    await h.close();
  });

  it('needs credentials like any route', async () => {
    const res = await fetch(`${h.url}/api/events`);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('UNAUTHENTICATED');
  });

  it('streams a move made by another client and the robot change it caused, with heartbeats', async () => {
    const all = await sse();
    const sales = await sse('?entity=deal&pipeline=sales');
    expect(all.status).toBe(200);
    expect(all.contentType).toContain('text/event-stream');
    await all.next((e) => e.type === 'ready');

    // Another client: a manager, who may move their own deals.
    const manager = await h.accountWithRole('manager');
    const managerStream = await openSse(`${h.url}/api/events`, {
      authorization: `Bearer ${manager.token}`,
    });
    opened.push(managerStream);
    await managerStream.next((e) => e.type === 'ready');
    const made = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Bicycle', amount: 100, responsible: manager.userId },
    });
    const id: string = made.body.id;
    const created = await sales.next((e) => e.type === 'record' && e.data.id === id);
    expect(created.data).toMatchObject({
      kind: 'created',
      entity: 'deal',
      pipeline: 'sales',
      stage: 'new',
      title: 'Bicycle',
      amount: 100,
      revision: 1,
    });

    // The manager moves the deal; its robot creates a logistics deal.
    const moved = await h.callAs(
      { token: manager.token },
      'POST',
      `/api/records/deals/${id}/move`,
      {
        stage: 'paid',
      },
    );
    expect(moved.status).toBe(200);
    const move = await sales.next(
      (e) => e.type === 'record' && e.data.id === id && e.data.kind === 'moved',
    );
    expect(move.data).toMatchObject({ stage: 'paid', revision: moved.body.revision });
    const robot = await all.next(
      (e) => e.type === 'record' && e.data.pipeline === 'logistics' && e.data.kind === 'created',
    );
    expect(robot.data.title).toBe('Delivery: Bicycle');
    // The filtered stream carries only the sales pipeline.
    expect(sales.events.some((e) => e.data.pipeline === 'logistics')).toBe(false);
    // The manager's stream follows their read scope: their deal, not someone else's.
    const other = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Not yours' },
    });
    const after = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Yours again', responsible: manager.userId },
    });
    // A stream is in commit order: had "Not yours" been sent, it would have come first.
    await managerStream.next((e) => e.data.id === after.body.id);
    expect(managerStream.events.some((e) => e.data.id === other.body.id)).toBe(false);
    // Event ids grow; idle streams get heartbeats.
    expect(move.id).toMatch(/^[0-9a-f]+-\d+$/);
    await new Promise((r) => setTimeout(r, 500));
    expect(all.comments).toBeGreaterThan(0);
  });

  it('catches up after a reconnect with Last-Event-ID, and says reset when it cannot', async () => {
    const first = await sse('?pipeline=sales');
    const ready = await first.next((e) => e.type === 'ready');
    first.close();
    // Changes while the client is away.
    const a = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Away A' },
    });
    const b = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Away B' },
    });
    const again = await sse('?pipeline=sales', { 'last-event-id': ready.id ?? '' });
    await again.next((e) => e.data.id === b.body.id);
    const ids = again.events.filter((e) => e.type === 'record').map((e) => e.data.id);
    expect(ids).toEqual([a.body.id, b.body.id]);

    // Too old for the ring (capacity 10) or from another server start: reset.
    for (let i = 0; i < 12; i++)
      await h.call('POST', '/api/records/deals', { pipeline: 'sales', fields: { title: `n${i}` } });
    const stale = await sse('', { 'last-event-id': ready.id ?? '' });
    const reset = await stale.next((e) => e.type === 'reset');
    expect(reset.data.reason).toContain('reload');
    const foreign = await sse('', { 'last-event-id': 'deadbeef-3' });
    await foreign.next((e) => e.type === 'reset');
  });

  it('cleans up a stream when its client leaves', async () => {
    const before = h.conveyor.live.streams;
    const c = await sse();
    await c.next((e) => e.type === 'ready');
    expect(h.conveyor.live.streams).toBe(before + 1);
    c.close();
    for (let i = 0; i < 50 && h.conveyor.live.streams > before; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect(h.conveyor.live.streams).toBe(before);
  });

  it('refuses a bad filter with 400', async () => {
    const res = await h.call('GET', '/api/events?entity=spaceship');
    expect(res.status).toBe(400);
  });
});
