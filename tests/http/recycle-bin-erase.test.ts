import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { harnessOnPostgres, startServer, type Harness } from './server-harness.js';

/** Every file under a folder, with its path relative to it. */
async function filesUnder(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!e.isFile()) continue;
    const full = join(e.parentPath, e.name);
    out.push({ path: relative(dir, full), bytes: await readFile(full) });
  }
  return out;
}

/** The files of the data folder that hold `needle`. */
async function holding(dir: string, needle: string): Promise<string[]> {
  return (await filesUnder(dir)).filter((f) => f.bytes.includes(needle)).map((f) => f.path);
}

describe('recycle bin: purge erases from disk, links come back (issue 12)', () => {
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    h = undefined;
  });

  async function lead(server: Harness, title: string) {
    const res = await server.call('POST', '/api/records/leads', { fields: { title } });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  }

  it.skipIf(harnessOnPostgres())(
    'leaves nothing of a purged record in the data folder but its audit entries',
    async () => {
      h = await startServer();
      const secret = 'Zebra-7731-purge-me';
      const gone = await lead(h, secret);
      // A timeline line of its own words: "changed zq_marker_field".
      expect(
        (
          await h.call('PATCH', `/api/records/leads/${gone.id}`, {
            fields: { zq_marker_field: 'x' },
          })
        ).status,
      ).toBe(200);
      const kept = await lead(h, 'Kept lead');
      await h.call('PATCH', `/api/records/leads/${kept.id}`, { fields: { amount: 5 } });
      const keptTimeline = (await h.call('GET', `/api/records/leads/${kept.id}/timeline`)).body
        .items;
      expect(keptTimeline.length).toBeGreaterThan(1);
      const goneTimeline = (await h.call('GET', `/api/records/leads/${gone.id}/timeline`)).body
        .items as Array<{ message: string }>;
      const text = goneTimeline.map((e) => e.message).find((m) => m.includes('zq_marker_field'));
      expect(text).toBe('changed zq_marker_field');
      // On disk before the purge (a checkpoint puts the timeline in its segment).
      await h.store.eraseDeleted?.();
      expect(await holding(h.dataDir, text as string)).toEqual([
        expect.stringMatching(/^timeline\//),
      ]);

      expect((await h.call('DELETE', `/api/records/leads/${gone.id}`)).status).toBe(204);
      expect((await h.call('DELETE', `/api/recycle-bin/lead/${gone.id}`)).status).toBe(204);

      const check = async (): Promise<void> => {
        const dir = (h as Harness).dataDir;
        expect(await holding(dir, text as string)).toEqual([]);
        // The append-only audit log keeps who created, changed, deleted and purged it,
        // with the field values of `record.created` (before/after): nothing else does.
        for (const f of await holding(dir, gone.id)) expect(f).toMatch(/^audit\//);
        for (const f of await holding(dir, secret)) expect(f).toMatch(/^audit\//);
        for (const f of (await filesUnder(dir)).filter((x) => x.path.startsWith('timeline/')))
          expect(f.bytes.includes(gone.id), f.path).toBe(false);
      };
      await check();

      await h.close();
      h = await startServer(h.dataDir);
      await check();
      expect((await h.call('GET', `/api/records/leads/${kept.id}/timeline`)).body.items).toEqual(
        keptTimeline,
      );
      expect((await h.call('GET', `/api/records/leads/${gone.id}`)).status).toBe(404);
      // Still a working store: the kept record changes and its history grows.
      await h.call('PATCH', `/api/records/leads/${kept.id}`, { fields: { amount: 6 } });
      expect(
        (await h.call('GET', `/api/records/leads/${kept.id}/timeline`)).body.items.length,
      ).toBeGreaterThan(keptTimeline.length);
    },
  );

  it('a restored record links again to one deleted with it, restored in either order', async () => {
    h = await startServer();
    for (const order of ['a-then-b', 'b-then-a'] as const) {
      const a = await lead(h, `A ${order}`);
      const b = (await h.call('POST', '/api/records/contacts', { fields: { title: `B ${order}` } }))
        .body as { id: string };
      expect(
        (await h.call('POST', `/api/records/leads/${a.id}/links`, { entity: 'contact', id: b.id }))
          .status,
      ).toBe(200);
      expect((await h.call('DELETE', `/api/records/leads/${a.id}`)).status).toBe(204);
      expect((await h.call('DELETE', `/api/records/contacts/${b.id}`)).status).toBe(204);
      const first = order === 'a-then-b' ? `leads/${a.id}` : `contacts/${b.id}`;
      const second = order === 'a-then-b' ? `contacts/${b.id}` : `leads/${a.id}`;
      const one = await h.call('POST', `/api/recycle-bin/${first}/restore`);
      expect(one.status).toBe(200);
      // The other is still in the bin: no link to a record that is not there.
      expect(one.body.links).toEqual([]);
      expect((await h.call('POST', `/api/recycle-bin/${second}/restore`)).status).toBe(200);
      expect((await h.call('GET', `/api/records/leads/${a.id}`)).body.links).toEqual([
        { entity: 'contact', id: b.id },
      ]);
      expect((await h.call('GET', `/api/records/contacts/${b.id}`)).body.links).toEqual([
        { entity: 'lead', id: a.id },
      ]);
      // Neither restore said a link was dropped.
      const audit = await h.call('GET', `/api/audit?kind=record.restored&record=${a.id}`);
      expect(audit.body.items).toHaveLength(1);
      expect(audit.body.items[0].detail).toBeUndefined();
    }
    // A link to a record purged meanwhile is dropped, and the restore says so.
    const c = await lead(h, 'C');
    const d = (await h.call('POST', '/api/records/contacts', { fields: { title: 'D' } })).body;
    await h.call('POST', `/api/records/leads/${c.id}/links`, { entity: 'contact', id: d.id });
    await h.call('DELETE', `/api/records/leads/${c.id}`);
    await h.call('DELETE', `/api/records/contacts/${d.id}`);
    expect((await h.call('DELETE', `/api/recycle-bin/contact/${d.id}`)).status).toBe(204);
    const back = await h.call('POST', `/api/recycle-bin/leads/${c.id}/restore`);
    expect(back.body.links).toEqual([]);
    const restored = await h.call('GET', `/api/audit?kind=record.restored&record=${c.id}`);
    expect(restored.body.items[0].detail).toMatch(/1 link/);
  });
});
