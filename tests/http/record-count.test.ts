import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

describe('GET /api/records/:entity/count', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    await h.call('POST', '/api/models', handoffModel);
    await h.call('POST', '/api/models/handoff/publish', {});
    for (let i = 0; i < 6; i++) {
      const made = await h.call('POST', '/api/records/deals', {
        pipeline: 'sales',
        fields: {
          title: `Deal ${i}`,
          amount: i * 100,
          responsible: i % 2 === 0 ? 'anna' : 'boris',
        },
      });
      expect(made.status).toBe(201);
      if (i < 2) {
        const moved = await h.call('POST', `/api/records/deals/${made.body.id}/move`, {
          stage: 'won',
        });
        expect(moved.status).toBe(200);
      }
    }
    await h.call('POST', '/api/records/contacts', { fields: { title: 'Anna' } });
  });
  afterAll(() => h.close());

  it('counts the records the list filters select, whatever the page size', async () => {
    const count = async (query: string) => {
      const r = await h.call('GET', `/api/records/deals/count${query}`);
      expect(r.status, JSON.stringify(r.body)).toBe(200);
      return r.body.count as number;
    };
    expect(await count('')).toBe(6);
    expect(await count('?pipeline=sales&stage=new')).toBe(4);
    expect(await count('?stage=new,won')).toBe(6);
    expect(await count('?responsible=anna')).toBe(3);
    expect(await count('?responsible=anna&stage=won')).toBe(1);
    expect(await count('?amountMin=200&amountMax=400')).toBe(3);
    expect(await count('?q=Deal%205')).toBe(1);
    expect(await count('?model=nothing')).toBe(0);
    // The same filters as the list: the count is what paging through would find.
    const page = await h.call('GET', '/api/records/deals?stage=new&limit=3');
    expect(page.body.items).toHaveLength(3);
    expect(page.body.nextCursor).not.toBeNull();
    expect((await h.call('GET', '/api/records/contacts/count')).body).toEqual({ count: 1 });
  });

  it('refuses paging parameters and bad filters with 400 naming the parameter', async () => {
    for (const [query, name] of [
      ['?limit=10', 'limit'],
      ['?cursor=abc', 'cursor'],
      ['?stage=Not%20a%20key', 'stage'],
      ['?amountMin=lots', 'amountMin'],
    ] as const) {
      const r = await h.call('GET', `/api/records/deals/count${query}`);
      expect(r.status, query).toBe(400);
      expect(JSON.stringify(r.body.error), query).toContain(name);
    }
    expect((await h.call('GET', '/api/records/nothings/count')).status).toBe(404);
  });
});
