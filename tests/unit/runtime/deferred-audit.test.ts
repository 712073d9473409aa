import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { AuditEntry } from '../../../runtime/domain/security-types.js';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import { nodeStoreFs, type StoreFs } from '../../../runtime/store/store-fs.js';

const entry = (n: number, hour: number): AuditEntry => ({
  id: `aud_${String(n).padStart(4, '0')}`,
  at: new Date(Date.UTC(2026, 0, 1, hour, 0, 0, n)).toISOString(),
  seq: 1,
  actor: { kind: 'system', name: 'server' },
  kind: 'record.moved',
  outcome: 'success',
});
const record = (stage: string): RecordDoc => ({
  id: 'deal_1',
  entity: 'deal',
  fields: {},
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  stage,
});
const append = (e: AuditEntry) => ({
  op: 'append' as const,
  collection: 'audit' as const,
  key: e.id,
  value: e,
});

/** What a kill -9 right now would leave: the folder as it is, without the lock. */
async function crashCopy(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'conveyor-deferred-crash-'));
  await cp(dir, copy, { recursive: true, filter: (src) => !src.includes('conveyor.lock') });
  return copy;
}

async function allAudit(store: LowdbStore): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: AuditEntry[]; nextCursor: string | null } = await store.query(
      'audit',
      {},
      { limit: 7, cursor },
    );
    ids.push(...page.items.map((e) => e.id));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return ids.sort();
}

/** A folder with 40 audit entries over 3 hours, written to their files. */
async function folderWithAudit(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-deferred-'));
  const store = await LowdbStore.open(dir);
  await store.commit(Array.from({ length: 40 }, (_, i) => append(entry(i, i % 3))));
  await store.close();
  return dir;
}

// Opening with `deferAuditFromBytes: 1` reads any audit log in the background, as a big one is.
const deferred = { deferAuditFromBytes: 1 };

/** A file system whose reads of audit files wait until `release` (a slow background load). */
function slowAuditReads(): { fs: StoreFs; release: () => void } {
  let release = (): void => undefined;
  const gate = new Promise<void>((r) => (release = r));
  const fs: StoreFs = {
    ...nodeStoreFs,
    readFile: async (path) => {
      if (path.includes(`${join('audit', '')}`)) await gate;
      return nodeStoreFs.readFile(path);
    },
  };
  return { fs, release };
}

describe('the audit log read after opening (LowdbStore)', () => {
  it('files audit entries by hour: a checkpoint rewrites only the hours that changed', async () => {
    const dir = await folderWithAudit();
    const files = (await readdir(join(dir, 'audit'))).filter((f) => f.endsWith('.json')).sort();
    const hour0 = Math.floor(Date.UTC(2026, 0, 1) / 3_600_000);
    expect(files).toEqual([`${hour0}.json`, `${hour0 + 1}.json`, `${hour0 + 2}.json`]);
    const before = await readFile(join(dir, 'audit', `${hour0}.json`), 'utf8');
    const store = await LowdbStore.open(dir);
    await store.commit([append(entry(100, 2))]);
    await store.checkpoint();
    expect(await readFile(join(dir, 'audit', `${hour0}.json`), 'utf8')).toBe(before);
    expect(
      JSON.parse(await readFile(join(dir, 'audit', `${hour0 + 2}.json`), 'utf8')),
    ).toHaveProperty('aud_0100');
    await store.close();
  });

  it('moves a single-file audit log into hourly files, keeping every entry', async () => {
    const dir = await folderWithAudit();
    // The layout before hourly files: every entry in audit/0.json.
    const all: Record<string, unknown> = {};
    for (const f of await readdir(join(dir, 'audit')))
      Object.assign(all, JSON.parse(await readFile(join(dir, 'audit', f), 'utf8')));
    await rm(join(dir, 'audit'), { recursive: true });
    await mkdir(join(dir, 'audit'));
    await writeFile(join(dir, 'audit', '0.json'), JSON.stringify(all));
    const store = await LowdbStore.open(dir, deferred);
    expect(await allAudit(store)).toHaveLength(40);
    await store.close();
    expect((await readdir(join(dir, 'audit'))).filter((f) => f.endsWith('.json'))).toHaveLength(3);
    const again = await LowdbStore.open(dir);
    expect(await allAudit(again)).toHaveLength(40);
    await again.close();
  });

  it('answers writes while it loads; reads wait for it and see the writes made meanwhile', async () => {
    const dir = await folderWithAudit();
    const slow = slowAuditReads();
    const store = await LowdbStore.open(dir, { ...deferred, fs: slow.fs });
    // The load is still running when these commit (and are acknowledged).
    const writes = [
      store.commit([
        { op: 'put', collection: 'records', key: 'deal_1', value: record('a') },
        append(entry(200, 5)),
      ]),
      store.commit([append(entry(201, 5))]),
    ];
    await Promise.all(writes);
    expect(await store.get('records', 'deal_1')).toMatchObject({ stage: 'a' });
    const reading = allAudit(store);
    slow.release();
    const ids = await reading;
    expect(ids).toHaveLength(42);
    expect(ids).toContain('aud_0200');
    expect(await store.get('audit', 'aud_0201')).toMatchObject({ kind: 'record.moved' });
    await store.close();
    const again = await LowdbStore.open(dir);
    expect(await allAudit(again)).toHaveLength(42);
    await again.close();
  });

  it('keeps acknowledged audit writes made while loading through a crash (no checkpoint trims them)', async () => {
    const dir = await folderWithAudit();
    const slow = slowAuditReads();
    // Every commit would start a checkpoint (a journal of 1 byte is past its size).
    const store = await LowdbStore.open(dir, { ...deferred, checkpointBytes: 1, fs: slow.fs });
    await store.commit([append(entry(300, 7))]);
    await store.commit([
      { op: 'put', collection: 'records', key: 'deal_1', value: record('b') },
      append(entry(301, 7)),
    ]);
    await store.commit([{ op: 'put', collection: 'records', key: 'deal_1', value: record('b') }]);
    await store.idle();
    const killed = await crashCopy(dir);
    slow.release();
    await store.loaded();
    for (const options of [deferred, {}]) {
      const copy = await crashCopy(killed);
      const again = await LowdbStore.open(copy, options);
      const ids = await allAudit(again);
      expect(ids).toHaveLength(42);
      expect(ids).toEqual(expect.arrayContaining(['aud_0300', 'aud_0301']));
      expect(await again.get('records', 'deal_1')).toMatchObject({ stage: 'b' });
      await again.close();
    }
    await store.close();
  });

  it('a journal past the checkpoint size is replayed in memory at open; the first change starts the checkpoint that trims it', async () => {
    const dir = await folderWithAudit();
    const store = await LowdbStore.open(dir, { checkpointBytes: 1_000_000 });
    for (let i = 0; i < 5; i++)
      await store.commit([
        { op: 'put', collection: 'records', key: 'deal_1', value: record(`s${i}`) },
      ]);
    const killed = await crashCopy(dir);
    await store.close();
    const journal = await readFile(join(killed, 'journal.log'), 'utf8');
    const slicesBefore = await readdir(join(killed, 'records'));
    // Opened with a smaller checkpoint size: the journal is past it.
    const again = await LowdbStore.open(killed, { checkpointBytes: 10 });
    expect(await again.get('records', 'deal_1')).toMatchObject({ stage: 's4' });
    expect(await readFile(join(killed, 'journal.log'), 'utf8')).toBe(journal);
    expect(await readdir(join(killed, 'records'))).toEqual(slicesBefore);
    await again.commit([{ op: 'put', collection: 'records', key: 'deal_1', value: record('s5') }]);
    await again.idle();
    expect(await readFile(join(killed, 'journal.log'), 'utf8')).toBe('');
    await again.close();
    const third = await LowdbStore.open(killed);
    expect(await third.get('records', 'deal_1')).toMatchObject({ stage: 's5' });
    await third.close();
  });

  it('a damaged audit file found after opening refuses audit reads and writes with 503 errors, not a crash', async () => {
    const dir = await folderWithAudit();
    const [first] = (await readdir(join(dir, 'audit'))).filter((f) => f.endsWith('.json'));
    await writeFile(join(dir, 'audit', first as string), '{"aud_x":{"id":');
    const lines: string[] = [];
    const store = await LowdbStore.open(dir, { ...deferred, log: (l) => lines.push(l) });
    await expect(store.query('audit', {}, {})).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });
    await expect(store.commit([append(entry(400, 1))])).rejects.toMatchObject({
      code: 'STORE_UNAVAILABLE',
    });
    // Other collections keep working.
    await store.commit([{ op: 'put', collection: 'records', key: 'deal_1', value: record('c') }]);
    expect(await store.get('records', 'deal_1')).toMatchObject({ stage: 'c' });
    expect(lines.join('\n')).toMatch(/audit/);
    await store.close();
    // The damaged file is left as found.
    expect(await readFile(join(dir, 'audit', first as string), 'utf8')).toBe('{"aud_x":{"id":');
  });
});
