import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

const model = JSON.parse(readFileSync('examples/deal-distribution/model.json', 'utf8'));

describe('scenario 7: distribution by amount and product, over HTTP', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    expect((await h.call('POST', '/api/models', model)).status).toBe(201);
    const pub = await h.call('POST', '/api/models/deal-distribution/publish', { note: 'first' });
    expect(pub.status).toBe(201);
    expect(pub.body.version).toBe(1);
  });
  afterAll(() => h.close());

  const create = async (fields: Record<string, unknown>) => {
    const res = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Deal', currency: 'RUB', ...fields },
    });
    expect(res.status).toBe(201);
    return res.body;
  };

  it('assigns by the first matching row, else in turn over the queue skipping the absent', async () => {
    expect((await create({ amount: 2_000_000, product: 'product_a' })).fields.responsible).toBe(
      'sidorov',
    );
    expect((await create({ amount: 500_000, product: 'product_a' })).fields.responsible).toBe(
      'ivanov',
    );
    expect((await create({ amount: 500_000, product: 'product_b' })).fields.responsible).toBe(
      'petrov',
    );
    // Exactly 1,000,000 is not "above": it falls through to the queue.
    const others = [];
    for (let i = 0; i < 6; i++)
      others.push(
        (await create({ amount: i === 0 ? 1_000_000 : 1000 + i, product: 'services' })).fields
          .responsible,
      );
    // morozova is absent: the queue alternates between the two others, evenly.
    expect(others).toEqual(['kozlova', 'novikov', 'kozlova', 'novikov', 'kozlova', 'novikov']);
  });

  it('notifies the new responsible and explains itself in the timeline', async () => {
    const deal = await create({ amount: 3_000_000 });
    const notes = await h.call('GET', `/api/records/deals/${deal.id}/notifications`);
    expect(notes.body.items).toHaveLength(1);
    expect(notes.body.items[0].recipient).toBe('sidorov');
    expect(notes.body.items[0].message).toContain('3000000 RUB');
    const tl = (await h.call('GET', `/api/records/deals/${deal.id}/timeline`)).body.items as Array<{
      kind: string;
      outcome?: string;
      ruleId?: string;
      version?: number;
      message: string;
    }>;
    const fired = tl.filter((e) => e.kind === 'rule' && e.outcome === 'fired').map((e) => e.ruleId);
    expect(fired).toEqual(['robot:distribute', 'robot:notify_assignee']);
    expect(tl.filter((e) => e.kind === 'action').every((e) => e.version === 1)).toBe(true);
    expect(
      tl.some((e) => e.kind === 'action' && e.message.includes('assigned sidorov (row 1')),
    ).toBe(true);
  });

  it('lists with filters', async () => {
    const mine = await h.call('GET', '/api/records/deals?responsible=petrov');
    expect(
      mine.body.items.map((d: { fields: { responsible: string } }) => d.fields.responsible),
    ).toEqual(['petrov']);
    const inNew = await h.call('GET', '/api/records/deals?pipeline=sales&stage=new');
    expect(inNew.body.items.length).toBeGreaterThanOrEqual(10);
  });
});
