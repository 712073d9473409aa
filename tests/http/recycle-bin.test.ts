import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

const model = JSON.parse(readFileSync('examples/reaction-time-control/model.json', 'utf8'));
const DAY = 86_400_000;

describe('recycle bin (issue 12)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  /** A published model with timed robots, a deal with timers and a linked contact. */
  async function dealWithHistory(server: Harness) {
    await server.call('POST', '/api/models', model);
    expect(
      (await server.call('POST', '/api/models/reaction-time-control/publish', {})).status,
    ).toBe(201);
    const deal = (
      await server.call('POST', '/api/records/deals', {
        pipeline: model.pipelines[0].key,
        fields: { title: 'Bin deal', responsible: 'ivanov', amount: 10 },
      })
    ).body;
    const contact = (await server.call('POST', '/api/records/contacts', { fields: { title: 'C' } }))
      .body;
    expect(
      (
        await server.call('POST', `/api/records/deals/${deal.id}/links`, {
          entity: 'contact',
          id: contact.id,
        })
      ).status,
    ).toBe(200);
    await server.call('PATCH', `/api/records/deals/${deal.id}`, { fields: { amount: 20 } });
    return { deal, contact };
  }

  it('deletes into the bin with links, timeline and timers, and restores all of it', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    h = await startServer(undefined, { clock: { now: () => new Date(t) } });
    const { deal, contact } = await dealWithHistory(h);
    const timeline = (await h.call('GET', `/api/records/deals/${deal.id}/timeline`)).body.items;
    const timers = (await h.store.query('timers', { recordId: deal.id }, { limit: 1000 })).items;
    expect(timeline.length).toBeGreaterThan(2);
    expect(timers.length).toBe(3);

    t += 60_000;
    expect((await h.call('DELETE', `/api/records/deals/${deal.id}`)).status).toBe(204);
    expect((await h.call('GET', `/api/records/deals/${deal.id}`)).status).toBe(404);
    // Its history and timers left the live collections with it; the contact lost the link.
    expect((await h.store.query('timeline', { recordId: deal.id })).items).toEqual([]);
    expect((await h.store.query('timers', { recordId: deal.id })).items).toEqual([]);
    expect((await h.call('GET', `/api/records/contacts/${contact.id}`)).body.links).toEqual([]);

    const bin = await h.call('GET', '/api/recycle-bin?entity=deal');
    expect(bin.status).toBe(200);
    expect(bin.body.items).toEqual([
      {
        key: `deal/${deal.id}`,
        entity: 'deal',
        recordId: deal.id,
        title: 'Bin deal',
        deletedAt: new Date(t).toISOString(),
        deletedBy: expect.objectContaining({ kind: 'token', role: 'owner' }),
        purgeAfter: new Date(t + 30 * DAY).toISOString(),
      },
    ]);
    expect(bin.body.nextCursor).toBeNull();
    expect((await h.call('GET', '/api/recycle-bin?entity=lead')).body.items).toEqual([]);

    const restored = await h.call('POST', `/api/recycle-bin/deals/${deal.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: deal.id, fields: { amount: 20 } });
    expect(restored.body.links).toEqual([{ entity: 'contact', id: contact.id }]);
    expect((await h.call('GET', `/api/records/contacts/${contact.id}`)).body.links).toEqual([
      { entity: 'deal', id: deal.id },
    ]);
    const after = (await h.call('GET', `/api/records/deals/${deal.id}/timeline?limit=1000`)).body
      .items as Array<{ id: string; kind: string; actor?: { kind: string } }>;
    expect(after.slice(0, timeline.length).map((e) => e.id)).toEqual(
      timeline.map((e: { id: string }) => e.id),
    );
    expect(after.at(-1)).toMatchObject({ kind: 'record_restored', actor: { kind: 'token' } });
    expect(
      (await h.store.query('timers', { recordId: deal.id }, { limit: 1000 })).items.map(
        (x) => x.id,
      ),
    ).toEqual(timers.map((x) => x.id));
    expect((await h.call('GET', '/api/recycle-bin')).body.items).toEqual([]);
    // Restoring twice: nothing left to restore.
    expect((await h.call('POST', `/api/recycle-bin/deals/${deal.id}/restore`)).status).toBe(404);
  });

  it('purge erases the record and its timeline; the bin survives a restart', async () => {
    h = await startServer();
    const { deal } = await dealWithHistory(h);
    const kept = (await h.call('POST', '/api/records/leads', { fields: { title: 'Kept' } })).body;
    const keptTimeline = (await h.call('GET', `/api/records/leads/${kept.id}/timeline`)).body.items;
    expect((await h.call('DELETE', `/api/records/deals/${deal.id}`)).status).toBe(204);
    expect((await h.call('DELETE', `/api/records/leads/${kept.id}`)).status).toBe(204);
    await h.close();
    h = await startServer(h.dataDir);
    expect(
      (await h.call('GET', '/api/recycle-bin')).body.items.map(
        (i: { recordId: string }) => i.recordId,
      ),
    ).toEqual([kept.id, deal.id]);
    // Restored after a restart: the same history, readable again, and again after another.
    expect((await h.call('POST', `/api/recycle-bin/leads/${kept.id}/restore`)).status).toBe(200);
    await h.close();
    h = await startServer(h.dataDir);
    const back = (await h.call('GET', `/api/records/leads/${kept.id}/timeline`)).body.items;
    expect(back.slice(0, keptTimeline.length)).toEqual(keptTimeline);
    expect((await h.call('DELETE', `/api/recycle-bin/deal/${deal.id}`)).status).toBe(204);
    expect((await h.call('GET', '/api/recycle-bin')).body.items).toEqual([]);
    expect((await h.call('POST', `/api/recycle-bin/deal/${deal.id}/restore`)).status).toBe(404);
    expect((await h.call('DELETE', `/api/recycle-bin/deal/${deal.id}`)).status).toBe(404);
    expect((await h.store.query('timeline', { recordId: deal.id })).items).toEqual([]);
    expect(await h.store.get('recycleBin', `deal/${deal.id}`)).toBeUndefined();
  });

  it('purges entries past their retention at start and on each sweep (injected clock)', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    h = await startServer(undefined, { clock, recycleBinRetentionDays: 7 });
    const a = (await h.call('POST', '/api/records/leads', { fields: { title: 'A' } })).body;
    const b = (await h.call('POST', '/api/records/leads', { fields: { title: 'B' } })).body;
    await h.call('DELETE', `/api/records/leads/${a.id}`);
    t += 3 * DAY;
    await h.call('DELETE', `/api/records/leads/${b.id}`);
    expect((await h.call('GET', '/api/recycle-bin')).body.items[0].purgeAfter).toBe(
      new Date(t + 7 * DAY).toISOString(),
    );
    t += 5 * DAY; // a is 8 days in the bin, b 5
    expect(await h.conveyor.recycleBin.purgeExpired()).toBe(1);
    expect(
      (await h.call('GET', '/api/recycle-bin')).body.items.map(
        (i: { recordId: string }) => i.recordId,
      ),
    ).toEqual([b.id]);
    const purged = await h.call('GET', `/api/audit?kind=record.purged&record=${a.id}`);
    expect(purged.body.items).toMatchObject([
      { kind: 'record.purged', actor: { kind: 'system', name: 'retention' }, recordId: a.id },
    ]);
    await h.close();
    t += 3 * DAY;
    h = await startServer(h.dataDir, { clock, recycleBinRetentionDays: 7 });
    expect((await h.call('GET', '/api/recycle-bin')).body.items).toEqual([]);
    // The stored setting overrides the environment's days for records deleted from now on.
    expect((await h.call('GET', '/api/settings/recycle-bin-retention')).body).toEqual({
      days: 7,
      source: 'env',
    });
    const set = await h.call('PUT', '/api/settings/recycle-bin-retention', { days: 2 });
    expect(set.body).toEqual({ days: 2, source: 'setting' });
    for (const bad of [{ days: -1 }, { days: 1.5 }, { days: '3' }, {}, { days: 3, x: 1 }])
      expect((await h.call('PUT', '/api/settings/recycle-bin-retention', bad)).status).toBe(400);
    const c = (await h.call('POST', '/api/records/leads', { fields: { title: 'C' } })).body;
    await h.call('DELETE', `/api/records/leads/${c.id}`);
    expect((await h.call('GET', '/api/recycle-bin')).body.items[0].purgeAfter).toBe(
      new Date(t + 2 * DAY).toISOString(),
    );
    const viewer = await h.accountWithRole('viewer');
    expect(
      (
        await h.callAs({ token: viewer.token }, 'PUT', '/api/settings/recycle-bin-retention', {
          days: 1,
        })
      ).status,
    ).toBe(403);
  });

  it('answers 4xx for hostile input and refuses roles below administrator', async () => {
    h = await startServer();
    expect((await h.call('POST', '/api/recycle-bin/nope/x/restore')).status).toBe(400);
    expect((await h.call('GET', '/api/recycle-bin?entity=__proto__')).status).toBe(400);
    expect((await h.call('GET', '/api/recycle-bin?limit=0')).status).toBe(400);
    const viewer = await h.accountWithRole('viewer');
    const res = await h.callAs({ token: viewer.token }, 'GET', '/api/recycle-bin');
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('FORBIDDEN');
  });
});
