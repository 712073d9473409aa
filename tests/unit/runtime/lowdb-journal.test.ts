import { appendFile, cp, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { TimerDoc } from '../../../runtime/domain/timer.js';

const record = (fires?: number): RecordDoc => ({
  id: 'deal_1',
  entity: 'deal',
  fields: fires === undefined ? {} : { fires },
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const timer = (id: string, recordId = 'deal_1', hour = 1): TimerDoc => ({
  id,
  dueAt: new Date(Date.UTC(2026, 0, 1, hour)).toISOString(),
  ruleId: 'robot:r',
  recordId,
  modelId: 'm',
  version: 1,
  pipeline: 'p',
  stage: 's',
  eventId: 'e',
  idempotencyKey: `k-${id}`,
  onLeaveStage: 'cancel',
});

/** Every slice file of a collection, by name, with its text. */
async function slices(dir: string, collection: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of await readdir(join(dir, collection))) {
    if (f.endsWith('.json')) out.set(f, await readFile(join(dir, collection, f), 'utf8'));
  }
  return out;
}

/** What a kill -9 right now would leave: the folder as it is, without the lock. */
async function crashCopy(dir: string): Promise<string> {
  const copy = await mkdtemp(join(tmpdir(), 'conveyor-journal-crash-'));
  await cp(dir, copy, {
    recursive: true,
    filter: (src) => !src.includes('conveyor.lock') && !src.endsWith('conveyor.owner.json'),
  });
  return copy;
}

describe('LowdbStore journal', () => {
  it('an acknowledged batch is in the journal; a batch cut in half by a crash is whole again on reopening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-'));
    const store = await LowdbStore.open(dir);
    await store.commit([
      { op: 'put', collection: 'records', key: 'deal_1', value: record() },
      { op: 'put', collection: 'timers', key: 'tmr_1', value: timer('tmr_1') },
    ]);
    await store.checkpoint();
    // The timer fires: its deletion and its effect are one batch, acknowledged here.
    await store.commit([
      { op: 'delete', collection: 'timers', key: 'tmr_1' },
      { op: 'put', collection: 'records', key: 'deal_1', value: record(1) },
    ]);
    const killedNow = await crashCopy(dir); // the slices still show the timer pending
    // Killed while writing the slices: records renamed, the timer's file not yet.
    await store.checkpoint();
    const torn = await crashCopy(killedNow);
    for (const [f, text] of await slices(dir, 'records'))
      await writeFile(join(torn, 'records', f), text);
    // And a later batch torn mid-append (never acknowledged).
    await appendFile(join(torn, 'journal.log'), '[{"op":"put","collection":"rec');
    await store.close();

    for (const copy of [killedNow, torn]) {
      const again = await LowdbStore.open(copy);
      expect(await again.get('timers', 'tmr_1'), copy).toBeUndefined();
      expect((await again.get('records', 'deal_1'))?.fields.fires, copy).toBe(1);
      expect(await again.claimDueTimers('2030-01-01T00:00:00.000Z', 1000)).toEqual([]);
      await again.close();
      // The replay was written to the slices: the journal is empty again.
      expect(await readFile(join(copy, 'journal.log'), 'utf8')).toBe('');
    }
  });

  it('opening replays the journal without rewriting the slices; later appends follow a cut torn tail and survive the next crash', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-'));
    const store = await LowdbStore.open(dir);
    await store.commit([{ op: 'put', collection: 'records', key: 'deal_1', value: record(1) }]);
    await store.checkpoint();
    await store.commit([{ op: 'put', collection: 'records', key: 'deal_1', value: record(2) }]);
    const crashed = await crashCopy(dir);
    await store.close();
    await appendFile(join(crashed, 'journal.log'), '[[{"op":"put","collection":"rec');
    const slicesBefore = await slices(crashed, 'records');
    const journalBefore = await readFile(join(crashed, 'journal.log'), 'utf8');

    const again = await LowdbStore.open(crashed);
    expect((await again.get('records', 'deal_1'))?.fields.fires).toBe(2);
    // Nothing rewritten on open: the replayed batch stays in the journal.
    expect(await slices(crashed, 'records')).toEqual(slicesBefore);
    expect(await readFile(join(crashed, 'journal.log'), 'utf8')).toBe(journalBefore);
    await again.commit([{ op: 'put', collection: 'records', key: 'deal_1', value: record(3) }]);
    // The torn tail was cut before the append: the journal is whole lines only.
    const journal = await readFile(join(crashed, 'journal.log'), 'utf8');
    expect(journal.endsWith('\n')).toBe(true);
    expect(journal.split('\n').filter((l) => l !== '')).toHaveLength(2);

    const twice = await crashCopy(crashed);
    await again.close();
    const third = await LowdbStore.open(twice);
    expect((await third.get('records', 'deal_1'))?.fields.fires).toBe(3);
    await third.close();
    expect(await readFile(join(twice, 'journal.log'), 'utf8')).toBe('');
  });

  it('a document put and deleted in one batch stays deleted after a checkpoint, a crash and reopening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-'));
    const store = await LowdbStore.open(dir);
    await store.commit([
      { op: 'put', collection: 'records', key: 'deal_1', value: record(1) },
      { op: 'delete', collection: 'records', key: 'deal_1' },
    ]);
    expect(await store.get('records', 'deal_1')).toBeUndefined();
    const crashed = await crashCopy(dir); // only the journal holds the batch
    await store.close();
    for (const copy of [dir, crashed]) {
      const again = await LowdbStore.open(copy);
      expect(await again.get('records', 'deal_1'), copy).toBeUndefined();
      expect((await again.queryRecords({ entity: 'deal' })).items, copy).toEqual([]);
      await again.close(); // the replayed batch is checkpointed into the slices now
      const third = await LowdbStore.open(copy);
      expect(await third.get('records', 'deal_1'), copy).toBeUndefined();
      expect(await third.countRecords({ entity: 'deal' }), copy).toBe(0);
      await third.close();
      for (const text of (await slices(copy, 'records')).values())
        expect(text, copy).not.toContain('deal_1');
    }
  });

  it('files timers by due hour: moves strays from older layouts, and a re-planned timer leaves its old file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-'));
    let store = await LowdbStore.open(dir);
    await store.close();
    const stray = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`tmr_${i}`, timer(`tmr_${i}`, `deal_${i}`, i % 3)]),
    );
    await writeFile(join(dir, 'timers', '0.json'), JSON.stringify(stray));

    store = await LowdbStore.open(dir);
    expect(store.snapshot('timers')).toHaveLength(20);
    const hour0 = Date.UTC(2026, 0, 1) / 3_600_000;
    expect([...(await slices(dir, 'timers')).keys()].sort()).toEqual(
      [hour0, hour0 + 1, hour0 + 2].map((h) => `${h}.json`),
    );
    // Re-plan one timer a day later, delete the rest: nothing may come back.
    await store.commit([
      { op: 'put', collection: 'timers', key: 'tmr_0', value: timer('tmr_0', 'deal_0', 24) },
      ...Object.keys(stray)
        .filter((k) => k !== 'tmr_0')
        .map((key) => ({ op: 'delete', collection: 'timers', key }) as const),
    ]);
    await store.close();
    store = await LowdbStore.open(dir);
    expect(store.snapshot('timers').map((t) => t.dueAt)).toEqual(['2026-01-02T00:00:00.000Z']);
    expect([...(await slices(dir, 'timers')).keys()]).toEqual([`${hour0 + 24}.json`]);
    await store.close();
  });
});
