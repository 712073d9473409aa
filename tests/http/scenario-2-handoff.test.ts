import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel, loopModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

describe('scenario 2 handoff, loops and required fields, over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    for (const m of [handoffModel, loopModel]) {
      expect((await h.call('POST', '/api/models', m)).status).toBe(201);
      const pub = await h.call('POST', `/api/models/${m.id}/publish`, {});
      expect(pub.status, JSON.stringify(pub.body)).toBe(201);
    }
  });
  afterAll(() => h.close());

  it('a paid sales deal creates a linked logistics deal; handing it to the courier ships the sale', async () => {
    const sale = (
      await h.call('POST', '/api/records/deals', {
        pipeline: 'sales',
        fields: { title: 'Pump', amount: 900, address: 'Lenina 1' },
      })
    ).body;
    expect(sale.stage).toBe('new');
    const paid = await h.call('POST', `/api/records/deals/${sale.id}/move`, { stage: 'paid' });
    expect(paid.status).toBe(200);
    expect(paid.body.links).toHaveLength(1);
    const logisticsId = paid.body.links[0].id;
    const logistics = (await h.call('GET', `/api/records/deals/${logisticsId}`)).body;
    expect(logistics).toMatchObject({
      pipeline: 'logistics',
      stage: 'new_request',
      fields: { title: 'Delivery: Pump', amount: 900, address: 'Lenina 1' },
    });
    expect(logistics.links).toEqual([{ entity: 'deal', id: sale.id }]);

    // Required field missing: refused, naming the field, and nothing changes.
    const refused = await h.call('POST', `/api/records/deals/${logisticsId}/move`, {
      stage: 'handed_to_courier',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('REQUIRED_FIELDS_MISSING');
    expect(refused.body.error.message).toContain('tracking');
    expect(refused.body.error.diagnostics[0].path).toBe('/fields/tracking');
    expect((await h.call('GET', `/api/records/deals/${logisticsId}`)).body.stage).toBe(
      'new_request',
    );
    expect((await h.call('GET', `/api/records/deals/${sale.id}`)).body.stage).toBe('paid');

    expect(
      (
        await h.call('PATCH', `/api/records/deals/${logisticsId}`, {
          fields: { tracking: 'RU123' },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await h.call('POST', `/api/records/deals/${logisticsId}/move`, {
          stage: 'handed_to_courier',
        })
      ).status,
    ).toBe(200);
    const shipped = (await h.call('GET', `/api/records/deals/${sale.id}`)).body;
    expect(shipped.stage).toBe('shipped');
    const tl = (await h.call('GET', `/api/records/deals/${sale.id}/timeline`)).body.items as Array<{
      ruleId?: string;
      outcome?: string;
    }>;
    expect(tl.some((e) => e.ruleId === 'trigger:logistics_handed' && e.outcome === 'fired')).toBe(
      true,
    );
  });

  it('a trigger never moves a record backwards nor into its own stage', async () => {
    const sale = (
      await h.call('POST', '/api/records/deals', {
        pipeline: 'sales',
        stage: 'paid',
        fields: { title: 'X' },
      })
    ).body;
    const logisticsId = sale.links[0].id;
    await h.call('POST', `/api/records/deals/${sale.id}/move`, { stage: 'won' });
    await h.call('PATCH', `/api/records/deals/${logisticsId}`, { fields: { tracking: 'T' } });
    await h.call('POST', `/api/records/deals/${logisticsId}/move`, { stage: 'handed_to_courier' });
    expect((await h.call('GET', `/api/records/deals/${sale.id}`)).body.stage).toBe('won');
    const tl = (await h.call('GET', `/api/records/deals/${sale.id}/timeline`)).body.items as Array<{
      outcome?: string;
    }>;
    expect(tl.some((e) => e.outcome === 'backwards_not_allowed')).toBe(true);
  });

  it('a loop between two stages is stopped and recorded, not a crash', async () => {
    const res = await h.call('POST', '/api/records/leads', {
      pipeline: 'loop',
      fields: { title: 'L', amount: 1 },
    });
    expect(res.status).toBe(201);
    const tl = (await h.call('GET', `/api/records/leads/${res.body.id}/timeline`)).body
      .items as Array<{
      kind: string;
      message: string;
    }>;
    const stopped = tl.filter((e) => e.kind === 'loop_stopped');
    expect(stopped).toHaveLength(1);
    expect(stopped[0]?.message).toContain('loop stopped');
    expect(tl.filter((e) => e.kind === 'stage_changed')).toHaveLength(10);
  });
});
