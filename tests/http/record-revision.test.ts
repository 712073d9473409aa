import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

describe('two clients editing one record: a stale change is refused, not silently lost', () => {
  let h: Harness;
  let id: string;
  const path = () => `/api/records/deals/${id}`;
  beforeAll(async () => {
    h = await startServer();
    await h.call('POST', '/api/models', handoffModel);
    await h.call('POST', '/api/models/handoff/publish', {});
    const made = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Bicycle', amount: 100 },
    });
    id = made.body.id;
  });
  afterAll(() => h.close());

  it('sends the revision as ETag and answers 412 REVISION_CONFLICT to a stale If-Match', async () => {
    const first = await h.call('GET', path());
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toBe(`"${first.body.revision}"`);

    // Both clients read the same revision; the first one saves.
    const a = await h.call('PATCH', path(), { fields: { amount: 200 } }, { 'if-match': etag });
    expect(a.status).toBe(200);
    expect(a.body.revision).toBe(first.body.revision + 1);
    expect(a.headers.get('etag')).toBe(`"${a.body.revision}"`);

    // The second still holds the old ETag: refused with the current revision, nothing written.
    const b = await h.call('PATCH', path(), { fields: { amount: 300 } }, { 'if-match': etag });
    expect(b.status).toBe(412);
    expect(b.body.error.code).toBe('REVISION_CONFLICT');
    expect(b.body.error.revision).toBe(a.body.revision);
    expect(b.body.error.etag).toBe(a.headers.get('etag'));
    expect(b.body.error.message).toContain('reload');
    expect((await h.call('GET', path())).body.fields.amount).toBe(200);

    // Moves and links take If-Match too.
    const move = await h.call('POST', `${path()}/move`, { stage: 'paid' }, { 'if-match': etag });
    expect(move.status).toBe(412);
    expect((await h.call('GET', path())).body.stage).toBe('new');
    const other = await h.call('POST', '/api/records/contacts', { fields: { title: 'Anna' } });
    const link = await h.call(
      'POST',
      `${path()}/links`,
      { entity: 'contact', id: other.body.id },
      { 'if-match': etag },
    );
    expect(link.status).toBe(412);

    // With the fresh ETag the change applies; without If-Match the last writer wins.
    const fresh = a.headers.get('etag') ?? '';
    const c = await h.call('PATCH', path(), { fields: { amount: 300 } }, { 'if-match': fresh });
    expect(c.status).toBe(200);
    const d = await h.call('PATCH', path(), { fields: { amount: 400 } });
    expect(d.status).toBe(200);
    expect(d.body.revision).toBe(c.body.revision + 1);
    const del = await h.call('DELETE', path(), undefined, { 'if-match': fresh });
    expect(del.status).toBe(412);
    expect((await h.call('GET', path())).status).toBe(200);
  });

  it('lets exactly one of two concurrent changes from the same revision through', async () => {
    const etag = (await h.call('GET', path())).headers.get('etag') ?? '';
    const [x, y] = await Promise.all([
      h.call('PATCH', path(), { fields: { title: 'X' } }, { 'if-match': etag }),
      h.call('PATCH', path(), { fields: { title: 'Y' } }, { 'if-match': etag }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 412]);
    const winner = x.status === 200 ? 'X' : 'Y';
    expect((await h.call('GET', path())).body.fields.title).toBe(winner);
  });

  it('answers a draft saved from two tabs at once with one 200 and one 412 DRAFT_CHANGED', async () => {
    const etag = (await h.call('GET', '/api/models/handoff')).headers.get('etag') ?? '';
    const [x, y] = await Promise.all(
      ['X', 'Y'].map((name) =>
        h.call('PUT', '/api/models/handoff', { ...handoffModel, name }, { 'if-match': etag }),
      ),
    );
    expect([x?.status, y?.status].sort()).toEqual([200, 412]);
    const lost = x?.status === 412 ? x : y;
    expect(lost?.body.error.code).toBe('DRAFT_CHANGED');
  });

  it('pages the record list and refuses bad paging parameters with a 400 naming them', async () => {
    for (let n = 0; n < 5; n++)
      await h.call('POST', '/api/records/deals', { pipeline: 'sales', fields: { title: `D${n}` } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const q: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = await h.call('GET', `/api/records/deals?pipeline=sales&limit=2${q}`);
      expect(page.status).toBe(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((r: { id: string }) => r.id));
      cursor = page.body.nextCursor;
    } while (cursor !== null);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.length).toBe(
      (await h.call('GET', '/api/records/deals?limit=1000')).body.items.length,
    );
    for (const [q, name] of [
      ['limit=0', 'limit'],
      ['limit=1001', 'limit'],
      ['limit=ten', 'limit'],
      ['cursor=%%%', 'cursor'],
    ]) {
      const bad = await h.call('GET', `/api/records/deals?${q}`);
      expect(bad.status, q).toBe(400);
      expect(bad.body.error.message, q).toContain(name);
    }
    const forged = await h.call('GET', '/api/records/deals?cursor=eyJ4IjoxfQ');
    expect(forged.status).toBe(400);
    expect(forged.body.error.code).toBe('INVALID_CURSOR');
    const found = await h.call('GET', '/api/records/deals?stage=new,paid&q=d3');
    expect(found.body.items.map((r: { fields: { title: string } }) => r.fields.title)).toEqual([
      'D3',
    ]);
  });
});
