import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../runtime/delivery/http-client.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import type { TimelineEntry } from '../../runtime/domain/timeline.js';
import { namedOutsideModel } from './delivery-models.js';
import {
  dealWithClient,
  FAST_RETRY,
  LOOPBACK_ALLOWED,
  publish,
  startReceiver,
  waitFor,
  type Receiver,
} from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

describe('the outside world: dropping dead letters, regenerating hook addresses', () => {
  let rx: Receiver;
  let h: Harness;
  beforeAll(async () => {
    rx = await startReceiver();
    h = await startServer(undefined, {
      delivery: { http: createHttpClient({ allow: LOOPBACK_ALLOWED }) },
      retryPolicy: FAST_RETRY,
    });
    await publish(h, namedOutsideModel(rx.url));
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
    await rx.close();
  });

  it('drops a dead letter: gone from the list, said in the timeline and the audit log; 404 after', async () => {
    const id = await dealWithClient(h, 'Bad');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_bad' });
    const dead = await waitFor('a dead letter', async () => {
      const items: OutboxDoc[] = (await h.call('GET', `/api/outbox?recordId=${id}&kind=webhook`))
        .body.items;
      return items[0]?.status === 'dead' ? items[0] : undefined;
    });
    // Which robot of which model produced it, in the admin's words, on the list and the drop.
    const named = {
      modelId: 'outside',
      modelName: 'Outside world',
      ruleName: 'Sync to ERP',
      recordTitle: 'Bad',
    };
    expect(dead).toMatchObject(named);
    // The error as a code and parameters too, so the screen says it in Russian.
    expect(dead).toMatchObject({
      lastErrorCode: 'http_status',
      lastErrorParams: { status: dead.response?.status },
    });
    const listed: OutboxDoc[] = (await h.call('GET', '/api/dead-letters')).body.items;
    expect(listed.find((l) => l.id === dead.id)).toMatchObject(named);
    const dropped = await h.call('DELETE', `/api/dead-letters/${dead.id}`);
    expect(dropped.status).toBe(200);
    expect(dropped.body).toMatchObject({ id: dead.id, status: 'dead', ...named });
    const letters: OutboxDoc[] = (await h.call('GET', '/api/dead-letters')).body.items;
    expect(letters.map((l) => l.id)).not.toContain(dead.id);
    const tl: TimelineEntry[] = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body
      .items;
    expect(tl.filter((e) => e.kind === 'delivery').map((e) => e.outcome)).toEqual([
      'dead',
      'dropped',
    ]);
    const audit = await h.call('GET', '/api/audit?kind=delivery.dropped');
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({ kind: 'delivery.dropped', target: dead.id });
    expect((await h.call('DELETE', `/api/dead-letters/${dead.id}`)).status).toBe(404);
  });

  it('regenerates a hook address: the old one answers 401, the new one works; audited without the secret', async () => {
    const [hook] = (await h.call('GET', '/api/models/outside/hooks')).body as Array<{
      triggerId: string;
      path: string;
    }>;
    if (hook === undefined) throw new Error('no hook');
    expect(hook).toMatchObject({
      triggerId: 'payment_hook',
      stage: 'paid',
      modelName: 'Outside world',
      triggerName: 'Payment arrived',
      pipelineName: 'Orders',
      stageName: 'Оплачено',
    });
    const fresh = await h.call('POST', `/api/models/outside/hooks/${hook.triggerId}/regenerate`);
    expect(fresh.status).toBe(200);
    expect(fresh.body.path).not.toBe(hook.path);
    expect(fresh.body.path).toMatch(/^\/api\/hooks\/[A-Za-z0-9_-]{32}$/);
    expect(fresh.body).toMatchObject({ triggerName: 'Payment arrived', stageName: 'Оплачено' });
    const id = await dealWithClient(h, 'Hooked');
    const body = { entity: 'deal', recordId: id, payload: { amount: 150 } };
    expect((await h.call('POST', hook.path, body)).status).toBe(401);
    expect((await h.call('POST', fresh.body.path, body)).body).toMatchObject({ fired: true });
    const listed = (await h.call('GET', '/api/models/outside/hooks')).body;
    expect(listed[0].path).toBe(fresh.body.path);
    const audit = await h.call('GET', '/api/audit?kind=hook.regenerated');
    expect(audit.body.items[0]).toMatchObject({ target: `outside/${hook.triggerId}` });
    expect(JSON.stringify(audit.body)).not.toContain(fresh.body.path.split('/').pop());
    expect((await h.call('POST', '/api/models/outside/hooks/nope/regenerate')).status).toBe(404);
  });
});
