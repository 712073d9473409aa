import { appendFile, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import type { RecordDoc, TimerDoc } from '../../../runtime/store/store-types.js';

const record = (fires?: number): RecordDoc => ({
  id: 'deal_1',
  entity: 'deal',
  fields: fires === undefined ? {} : { fires },
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});
const timer = (id: string, recordId = 'deal_1'): TimerDoc => ({
  id,
  dueAt: '2026-01-01T01:00:00.000Z',
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

describe('LowdbStore journal', () => {
  it('a batch cut in half by a crash (one slice new, one old) is whole again after reopening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-'));
    let store = await LowdbStore.open(dir);
    await store.commit([
      { op: 'put', collection: 'records', key: 'deal_1', value: record() },
      { op: 'put', collection: 'timers', key: 'tmr_1', value: timer('tmr_1') },
    ]);
    await store.close();
    const before = await slices(dir, 'timers');

    // The timer fires: its deletion and its effect are one batch.
    store = await LowdbStore.open(dir);
    await store.commit([
      { op: 'delete', collection: 'timers', key: 'tmr_1' },
      { op: 'put', collection: 'records', key: 'deal_1', value: record(1) },
    ]);
    await store.close();
    // As if the process died after renaming the records slice but before the timers one.
    for (const [f, text] of before) await writeFile(join(dir, 'timers', f), text);
    // And a later batch was torn mid-append.
    await appendFile(join(dir, 'journal.log'), '[{"op":"put","collection":"rec');

    store = await LowdbStore.open(dir);
    expect(await store.get('timers', 'tmr_1')).toBeUndefined();
    expect((await store.get('records', 'deal_1'))?.fields.fires).toBe(1);
    expect(await store.dueTimers('2030-01-01T00:00:00.000Z')).toEqual([]);
    await store.close();
    // The replay was written to the slices: the journal is empty again.
    expect(await readFile(join(dir, 'journal.log'), 'utf8')).toBe('');
  });

  it('moves a timer found in the wrong slice (older layouts kept every timer in one file)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-journal-'));
    let store = await LowdbStore.open(dir);
    await store.close();
    const stray = Object.fromEntries(
      Array.from({ length: 20 }, (_, i) => [`tmr_${i}`, timer(`tmr_${i}`, `deal_${i}`)]),
    );
    await writeFile(join(dir, 'timers', '0.json'), JSON.stringify(stray));

    store = await LowdbStore.open(dir);
    expect(await store.list('timers')).toHaveLength(20);
    const files = await slices(dir, 'timers');
    expect(files.size).toBeGreaterThan(1);
    // Deleting them all must stick: none may come back from the old file.
    await store.commit(
      Object.keys(stray).map((key) => ({ op: 'delete', collection: 'timers', key }) as const),
    );
    await store.close();
    store = await LowdbStore.open(dir);
    expect(await store.list('timers')).toEqual([]);
    await store.close();
  });
});
