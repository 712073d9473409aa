import { cpSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { WriteOp } from '../../../runtime/domain/write-op.js';
import { WriteAheadLog } from '../../../runtime/store/write-ahead-log.js';

const put = (id: string, n: number): WriteOp => ({
  op: 'put',
  collection: 'records',
  key: id,
  value: {
    id,
    entity: 'deal',
    fields: { n },
    links: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } satisfies RecordDoc,
});

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('journal and checkpoints running side by side', () => {
  it('trim(mark) drops only the batches appended before the mark', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-wal-'));
    const wal = new WriteAheadLog(join(dir, 'journal.log'));
    await wal.trim();
    wal.add([put('deal_1', 1)]);
    wal.add([put('deal_2', 1)]);
    await wal.drain();
    const mark = wal.mark();
    wal.add([put('deal_3', 1)]);
    const appending = wal.drain(); // in flight while the trim is asked for
    await Promise.all([appending, wal.trim(mark)]);
    wal.add([put('deal_4', 1)]);
    await wal.drain();
    expect((await wal.read()).map((b) => b.map((o) => o.key))).toEqual([['deal_3'], ['deal_4']]);
    await wal.trim();
    expect(await readFile(join(dir, 'journal.log'), 'utf8')).toBe('');
  });

  it('batches answered while a checkpoint writes the slices survive a crash after it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-bg-'));
    const store = await LowdbStore.open(dir, { checkpointMs: 1000 });
    // Enough data that writing the slices takes a while.
    await store.commit(Array.from({ length: 3000 }, (_, i) => put(`deal_${i}`, 0)));
    await sleep(1100); // the next round starts a timed checkpoint
    let n = 0;
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      n++;
      await store.commit([put(`deal_${n % 3000}`, n), put('deal_last', n)]);
    }
    await store.idle(); // a crash now, not while a checkpoint writes (a copy is not atomic)
    const copy = await mkdtemp(join(tmpdir(), 'conveyor-journal-bg-crash-'));
    // Copied synchronously: no timer can start another checkpoint during the copy.
    cpSync(dir, copy, {
      recursive: true,
      filter: (src) => !src.includes('conveyor.lock') && !src.endsWith('conveyor.owner.json'),
    });
    await store.close();
    const again = await LowdbStore.open(copy);
    expect((await again.get('records', 'deal_last'))?.fields.n).toBe(n);
    for (let k = Math.max(1, n - 2999); k <= n; k++)
      expect((await again.get('records', `deal_${k % 3000}`))?.fields.n).toBe(k);
    await again.close();
  });
});
