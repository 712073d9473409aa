import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../runtime/domain/collections.js';
import { outsideModel } from './delivery-models.js';
import { dealWithClient, publish } from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

interface Hook {
  triggerId: string;
  ruleId: string;
  path: string;
  stage: string;
}

describe('inbound webhook triggers: a secret URL per trigger', () => {
  let h: Harness;
  let hook: Hook;
  beforeAll(async () => {
    h = await startServer();
    await publish(h, outsideModel());
    const hooks = await h.call('GET', '/api/models/outside/hooks');
    expect(hooks.status).toBe(200);
    hook = hooks.body[0];
  });
  afterAll(() => h.close());

  const snapshot = async () =>
    JSON.stringify(await Promise.all(COLLECTIONS.map((c) => h.snapshot(c))));

  it('lists one URL per inbound_webhook trigger with an unguessable token', async () => {
    const hooks: Hook[] = (await h.call('GET', '/api/models/outside/hooks')).body;
    expect(hooks).toHaveLength(1);
    expect(hook).toMatchObject({
      triggerId: 'payment_hook',
      ruleId: 'trigger:payment_hook',
      stage: 'paid',
    });
    const token = hook.path.replace('/api/hooks/', '');
    // 24 random bytes in base64url: 192 bits.
    expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect((await h.call('GET', '/api/models/nope/hooks')).status).toBe(404);
  });

  it('fires the trigger for the record; its condition sees the payload as $event', async () => {
    const id = await dealWithClient(h, 'Hooked');
    const low = await h.call('POST', hook.path, {
      entity: 'deal',
      recordId: id,
      payload: { amount: 50 },
    });
    expect(low.status).toBe(200);
    expect(low.body).toMatchObject({ fired: false, record: { id, stage: 'new' } });
    const ok = await h.call('POST', hook.path, {
      entity: 'deal',
      recordId: id,
      payload: { amount: 150 },
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ fired: true, record: { id, stage: 'paid' } });
    const tl = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Array<{
      kind: string;
      ruleId?: string;
      outcome?: string;
      data?: { inputs?: Record<string, unknown> };
    }>;
    const rules = tl.filter((e) => e.kind === 'rule' && e.ruleId === 'trigger:payment_hook');
    expect(rules.map((e) => e.outcome)).toEqual(['condition_false', 'fired']);
    expect(rules[1]!.data?.inputs).toEqual({ '$event.amount': 150 });
  });

  it('answers a wrong token with 401 and writes nothing', async () => {
    const id = await dealWithClient(h, 'Intruder');
    const before = await snapshot();
    const wrong = hook.path.slice(0, -1) + (hook.path.endsWith('A') ? 'B' : 'A');
    for (const path of [wrong, '/api/hooks/x']) {
      const res = await h.call('POST', path, {
        entity: 'deal',
        recordId: id,
        payload: { amount: 999 },
      });
      expect(res.status).toBe(401);
      expect(res.body.error.code).toBe('BAD_TOKEN');
    }
    expect(await snapshot()).toBe(before);
  });

  it.each([
    [{}, '/entity'],
    [{ entity: 'deal' }, '/recordId'],
    [{ entity: 'widget', recordId: 'x' }, '/entity'],
    [{ entity: 'deal', recordId: 'x', payload: [1] }, '/payload'],
    [{ entity: 'deal', recordId: 'x', extra: 1 }, '/extra'],
  ])('answers a bad body %j with 400 naming %s', async (body, path) => {
    const before = await snapshot();
    const res = await h.call('POST', hook.path, body);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.error)).toContain(path);
    expect(await snapshot()).toBe(before);
  });

  it('answers an unknown record with 422', async () => {
    const res = await h.call('POST', hook.path, { entity: 'deal', recordId: 'deal_nope' });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toContain('/recordId');
  });

  it('keeps the token across re-publishes and drops the URL with the trigger', async () => {
    // A real change, so the publish makes a new version (an identical draft makes none).
    const renamed = { ...outsideModel(), name: 'Outside, renamed' };
    expect((await h.call('PUT', '/api/models/outside', renamed)).status).toBe(200);
    expect((await h.call('POST', '/api/models/outside/publish', {})).status).toBe(201);
    const again: Hook[] = (await h.call('GET', '/api/models/outside/hooks')).body;
    expect(again.map((x) => x.path)).toEqual([hook.path]);

    const model = outsideModel();
    model.pipelines[0]!.stages[1]!.triggers = [];
    expect((await h.call('PUT', '/api/models/outside', model)).status).toBe(200);
    expect((await h.call('POST', '/api/models/outside/publish', {})).status).toBe(201);
    expect((await h.call('GET', '/api/models/outside/hooks')).body).toEqual([]);
    const id = await dealWithClient(h, 'Late');
    const gone = await h.call('POST', hook.path, { entity: 'deal', recordId: id });
    expect(gone.status).toBe(410);
  });
});

describe('a token fires its own trigger only', () => {
  it('leaves the other inbound_webhook triggers of the pipeline alone', async () => {
    const h = await startServer();
    try {
      const model = outsideModel();
      const done = model.pipelines[0]!.stages.find((s) => s.key === 'done')!;
      done.triggers = [{ id: 'refund_hook', type: 'inbound_webhook' }] as never;
      await publish(h, model);
      const hooks: Hook[] = (await h.call('GET', '/api/models/outside/hooks')).body;
      expect(hooks.map((x) => x.triggerId).sort()).toEqual(['payment_hook', 'refund_hook']);
      const payment = hooks.find((x) => x.triggerId === 'payment_hook')!;
      const refund = hooks.find((x) => x.triggerId === 'refund_hook')!;
      expect(payment.path).not.toBe(refund.path);

      const id = await dealWithClient(h, 'Two hooks');
      // The payment condition says no; the refund trigger (no condition) must not step in.
      const res = await h.call('POST', payment.path, {
        entity: 'deal',
        recordId: id,
        payload: { amount: 1 },
      });
      expect(res.body).toMatchObject({ fired: false, record: { stage: 'new' } });
      const moved = await h.call('POST', refund.path, { entity: 'deal', recordId: id });
      expect(moved.body).toMatchObject({ fired: true, record: { stage: 'done' } });
    } finally {
      await h.close();
    }
  });
});
