import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

describe('GET /api/records/:entity/stage-totals: board column totals', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    await h.call('POST', '/api/models', handoffModel);
    await h.call('POST', '/api/models/handoff/publish', {});
    for (const [title, amount] of [
      ['Bike', 100],
      ['Car', 2500],
      ['Boat', 40],
    ] as const)
      await h.call('POST', '/api/records/deals', { pipeline: 'sales', fields: { title, amount } });
    await h.call('POST', '/api/records/deals', { pipeline: 'sales', fields: { title: 'No sum' } });
  });
  afterAll(() => h.close());

  it('counts and sums every matching record per stage, with the list filters', async () => {
    const all = await h.call(
      'GET',
      '/api/records/deals/stage-totals?model=handoff&pipeline=sales&stage=new,paid',
    );
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      items: [
        { stage: 'new', count: 4, amount: 2640 },
        { stage: 'paid', count: 0, amount: 0 },
      ],
      nextCursor: null,
    });
    const big = await h.call(
      'GET',
      '/api/records/deals/stage-totals?pipeline=sales&stage=new&amountMin=50&q=b',
    );
    expect(big.body.items).toEqual([{ stage: 'new', count: 1, amount: 100 }]);
  });

  it('refuses a missing or bad stage list and an unknown entity', async () => {
    expect((await h.call('GET', '/api/records/deals/stage-totals')).status).toBe(400);
    expect((await h.call('GET', '/api/records/deals/stage-totals?stage=Bad!')).status).toBe(400);
    expect((await h.call('GET', '/api/records/ships/stage-totals?stage=new')).status).toBe(404);
  });
});
