import { describe, expect, it } from 'vitest';
import { createApp } from '../../../runtime/app/create-app.js';
import { HttpError } from '../../../runtime/http/http-error.js';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import { cp, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { failingDisk } from '../../http/failing-disk.js';

const deal = (id: string, title: string): RecordDoc => ({
  id,
  entity: 'deal',
  fields: { title },
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

describe('a change built on a refused one is refused too', () => {
  it('a change that read data the disk then refused is not stored, even once the disk takes writes again', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-refused-'));
    const disk = failingDisk();
    const store = await LowdbStore.open(dir, { fs: disk.fs, log: () => undefined });
    const { core } = await createApp({ store, designerDir: join(dir, 'none') });

    disk.full = true;
    const first = core.change(async (tx) => tx.put('records', 'deal_a', deal('deal_a', 'A')));
    let open: () => void = () => undefined;
    const gate = new Promise<void>((r) => (open = r));
    const second = core.change(async (tx) => {
      // Runs in the lane right after the first change, before its append failed.
      const a = await tx.get('records', 'deal_a');
      await gate;
      tx.put('records', 'deal_b', deal('deal_b', `copied from ${a?.fields.title ?? 'nothing'}`));
    });
    second.catch(() => undefined);
    const refused = await first.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(HttpError);
    expect(refused).toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });
    // The disk is fine again by the time the second change commits.
    await new Promise<void>((r) => setImmediate(r));
    disk.full = false;
    open();
    await expect(second).rejects.toMatchObject({ status: 503, code: 'STORE_UNAVAILABLE' });
    expect(await store.get('records', 'deal_a')).toBeUndefined();
    expect(await store.get('records', 'deal_b')).toBeUndefined();

    // And the store goes on: the next change is stored.
    await core.change(async (tx) => tx.put('records', 'deal_c', deal('deal_c', 'C')));
    await store.close();
    const again = await LowdbStore.open(dir);
    expect(again.snapshot('records').map((r) => r.id)).toEqual(['deal_c']);
    await again.close();
  });

  it('a refused append that could not be cut back replays nothing of it after a crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-refused-'));
    const disk = failingDisk();
    const store = await LowdbStore.open(dir, { fs: disk.fs, log: () => undefined });
    await store.commit([
      { op: 'put', collection: 'records', key: 'deal_a', value: deal('deal_a', 'A') },
    ]);
    disk.full = true;
    disk.cannotCut = true;
    // Three batches share one append; half of it reaches the disk and stays there.
    const refused = await Promise.allSettled(
      ['deal_b', 'deal_c', 'deal_d'].map((id) =>
        store.commit([{ op: 'put', collection: 'records', key: id, value: deal(id, id) }]),
      ),
    );
    expect(refused.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect((await readFile(join(dir, 'journal.log'), 'utf8')).length).toBeGreaterThan(0);
    const crashed = await mkdtemp(join(tmpdir(), 'conveyor-refused-crash-'));
    await cp(dir, crashed, {
      recursive: true,
      filter: (src) => !src.includes('conveyor.lock') && !src.endsWith('conveyor.owner.json'),
    });
    const logged: string[] = [];
    const again = await LowdbStore.open(crashed, { log: (l) => logged.push(l) });
    expect(again.snapshot('records').map((r) => r.id)).toEqual(['deal_a']);
    expect(logged.join('\n')).toMatch(/cut short/);
    await again.close();
    disk.full = false;
    disk.cannotCut = false;
    await store.close();
  });
});
