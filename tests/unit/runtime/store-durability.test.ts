import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import {
  nodeStoreFs,
  type StoreFileHandle,
  type StoreFs,
} from '../../../runtime/store/store-fs.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { WriteOp } from '../../../runtime/domain/write-op.js';

const put = (id: string): WriteOp => ({
  op: 'put',
  collection: 'records',
  key: id,
  value: {
    id,
    entity: 'deal',
    fields: {},
    links: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  } satisfies RecordDoc,
});

/** Node's file system, noting every append, sync, rename and truncation in order. */
function recordingFs(dir: string, events: string[]): StoreFs {
  const name = (p: string): string => relative(dir, p) || '.';
  const wrap = (h: StoreFileHandle, path: string): StoreFileHandle => ({
    async appendFile(data) {
      await h.appendFile(data);
      events.push(`append ${name(path)}`);
    },
    writeFile: (data) => h.writeFile(data),
    write: (data, offset, length, position) => h.write(data, offset, length, position),
    truncate: (len) => h.truncate(len),
    async sync() {
      await h.sync();
      events.push(`sync ${name(path)}`);
    },
    async datasync() {
      await h.datasync();
      events.push(`datasync ${name(path)}`);
    },
    close: () => h.close(),
  });
  return {
    ...nodeStoreFs,
    async open(path, flags) {
      const h = await nodeStoreFs.open(path, flags);
      if (flags === 'w' && basename(path) === 'journal.log') events.push('empty journal.log');
      return wrap(h, path);
    },
    async rename(from, to) {
      await nodeStoreFs.rename(from, to);
      events.push(`rename ${name(to)}`);
    },
  };
}

describe('an acknowledged write survives power loss', () => {
  it('a batch is acknowledged only after its journal append is synced', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-durable-'));
    const events: string[] = [];
    const store = await LowdbStore.open(dir, { fs: recordingFs(dir, events) });
    events.length = 0;
    await store.commit([put('deal_1')]);
    expect(events.slice(0, 2)).toEqual(['append journal.log', 'datasync journal.log']);
    await store.close();
  });

  it('a checkpoint syncs each slice before its rename and the folder after, before it empties the journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-durable-'));
    const events: string[] = [];
    const store = await LowdbStore.open(dir, { fs: recordingFs(dir, events) });
    await store.commit([put('deal_1')]);
    events.length = 0;
    await store.checkpoint();
    const slice = events.find((e) => e.startsWith('rename records/'))?.slice('rename '.length);
    expect(slice).toBeDefined();
    const at = (e: string): number => events.indexOf(e);
    expect(at(`sync records/.${basename(slice ?? '')}.tmp`)).toBeGreaterThanOrEqual(0);
    expect(at(`sync records/.${basename(slice ?? '')}.tmp`)).toBeLessThan(at(`rename ${slice}`));
    expect(at(`rename ${slice}`)).toBeLessThan(at('sync records'));
    expect(at('sync records')).toBeLessThan(at('empty journal.log'));
    await store.close();
  });

  it('a journal rewritten around a running checkpoint is synced before the rename, the folder after', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-durable-'));
    const events: string[] = [];
    const store = await LowdbStore.open(dir, { fs: recordingFs(dir, events), checkpointMs: 1000 });
    await store.commit(Array.from({ length: 2000 }, (_, i) => put(`deal_${i}`)));
    // Keep committing until a timed checkpoint trims only part of the journal (a rewrite).
    for (let i = 0; !events.includes('rename journal.log') && i < 100_000; i++) {
      await store.commit([put(`deal_${i % 2000}`)]);
    }
    const at = (e: string): number => events.indexOf(e);
    expect(at('sync .journal.log.tmp')).toBeGreaterThanOrEqual(0);
    expect(at('sync .journal.log.tmp')).toBeLessThan(at('rename journal.log'));
    expect(events.indexOf('sync .', at('rename journal.log'))).toBeGreaterThan(
      at('rename journal.log'),
    );
    await store.close();
  });
});
