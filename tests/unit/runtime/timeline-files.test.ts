import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import { recoverDataDir } from '../../../runtime/store/recover-data-dir.js';
import { nodeStoreFs } from '../../../runtime/store/store-fs.js';
import type { TimelineEntry, WriteOp } from '../../../runtime/store/store-types.js';
import { TimelineFiles } from '../../../runtime/store/timeline/timeline-files.js';

const entry = (id: string, recordId: string, at = '2026-12-01T10:00:00.000Z'): TimelineEntry => ({
  id,
  recordId,
  at,
  seq: 1,
  kind: 'stage_changed',
  message: `moved ${id}`,
});
const append = (e: TimelineEntry): WriteOp => ({
  op: 'append',
  collection: 'timeline',
  key: e.id,
  value: e,
});
/** A journal line holds prepared writes: an append is a plain put there. */
const put = (e: TimelineEntry): WriteOp => ({
  op: 'put',
  collection: 'timeline',
  key: e.id,
  value: e,
});
const quiet = { log: () => undefined };
/** A record's timeline through the store's query (time order). */
const history = async (store: LowdbStore, recordId: string): Promise<TimelineEntry[]> =>
  (await store.query('timeline', { recordId }, { limit: 1000 })).items;

async function open(dir: string, extra: Partial<Parameters<typeof TimelineFiles.open>[2]> = {}) {
  return TimelineFiles.open(join(dir, 'timeline'), dir, {
    fs: nodeStoreFs,
    fsync: true,
    log: () => undefined,
    ...extra,
  });
}

describe('the timeline files', () => {
  it('appends entries to a segment, never rewriting it, and reads them back by record after reopening', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-'));
    const store = await LowdbStore.open(dir, quiet);
    await store.commit([append(entry('tl_1', 'deal_1')), append(entry('tl_2', 'deal_2'))]);
    await store.checkpoint();
    const first = await readFile(join(dir, 'timeline', '0.jsonl'), 'utf8');
    await store.commit([append(entry('tl_3', 'deal_1'))]);
    await store.checkpoint();
    const second = await readFile(join(dir, 'timeline', '0.jsonl'), 'utf8');
    expect(second.startsWith(first)).toBe(true); // appended, the start untouched
    expect(second.trim().split('\n')).toHaveLength(3);
    await store.close();

    const again = await LowdbStore.open(dir, quiet);
    expect((await history(again, 'deal_1')).map((e) => e.id)).toEqual(['tl_1', 'tl_3']);
    expect(await again.get('timeline', 'tl_2')).toEqual(entry('tl_2', 'deal_2'));
    await again.close();
  });

  it('does not append an entry twice when the journal replays a batch already in the segment', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-replay-'));
    const store = await LowdbStore.open(dir, quiet);
    await store.commit([append(entry('tl_1', 'deal_1'))]);
    await store.checkpoint();
    await store.close();
    // A crash after the segment append but before the journal trim: the batch is in both.
    await writeFile(
      join(dir, 'journal.log'),
      `[${JSON.stringify([put(entry('tl_1', 'deal_1'))])}]\n`,
    );
    const again = await LowdbStore.open(dir, quiet);
    expect(await history(again, 'deal_1')).toHaveLength(1);
    await again.close();
    const text = await readFile(join(dir, 'timeline', '0.jsonl'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(1);
  });

  it('cuts a torn last line back (a crash during an append) and replays the journal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-torn-'));
    const store = await LowdbStore.open(dir, quiet);
    await store.commit([append(entry('tl_1', 'deal_1'))]);
    await store.checkpoint();
    await store.close();
    const segment = join(dir, 'timeline', '0.jsonl');
    const before = await readFile(segment, 'utf8');
    await appendFile(segment, '{"id":"tl_2","recordId":"de');
    await writeFile(
      join(dir, 'journal.log'),
      `[${JSON.stringify([put(entry('tl_2', 'deal_1'))])}]\n`,
    );
    const logged: string[] = [];
    const again = await LowdbStore.open(dir, { log: (l) => logged.push(l) });
    expect(logged.join('\n')).toMatch(
      /timeline\/0\.jsonl ends with 27 bytes of an append cut short/,
    );
    expect((await history(again, 'deal_1')).map((e) => e.id)).toEqual(['tl_1', 'tl_2']);
    await again.close();
    const after = await readFile(segment, 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(
      after
        .trim()
        .split('\n')
        .map((l) => (JSON.parse(l) as { id: string }).id),
    ).toEqual(['tl_1', 'tl_2']);
  });

  it('refuses a damaged line before the end, naming the file and line', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-damaged-'));
    const store = await LowdbStore.open(dir, quiet);
    await store.commit([append(entry('tl_1', 'deal_1'))]);
    await store.checkpoint();
    await store.close();
    await appendFile(join(dir, 'timeline', '0.jsonl'), 'garbage\n{"id":"tl_9","recordId":"d"}\n');
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(
      /timeline\/0\.jsonl line 2 \(byte \d+\): not valid JSON/,
    );
  });

  it('store recover keeps every whole line of a damaged segment and a copy of it as found', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-recover-'));
    const store = await LowdbStore.open(dir, quiet);
    await store.commit([append(entry('tl_1', 'deal_1'))]);
    await store.checkpoint();
    await store.close();
    const segment = join(dir, 'timeline', '0.jsonl');
    await appendFile(segment, `garbage\n${JSON.stringify(entry('tl_2', 'deal_1'))}\n`);
    const damaged = await readFile(segment, 'utf8');
    const report = await recoverDataDir(dir, quiet);
    expect(report.slices).toEqual([
      expect.objectContaining({
        file: 'timeline/0.jsonl',
        kept: 2,
        reason: expect.stringMatching(/not valid JSON/),
      }),
    ]);
    expect(await readFile(join(report.backup ?? '', 'timeline', '0.jsonl'), 'utf8')).toBe(damaged);
    const again = await LowdbStore.open(dir, quiet);
    expect((await history(again, 'deal_1')).map((e) => e.id)).toEqual(['tl_1', 'tl_2']);
    await again.close();
  });

  it('seals a full segment with an index, opens from the index, and removes old segments by retention', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-seal-'));
    const now = Date.parse('2026-12-20T00:00:00.000Z');
    const t = await open(dir, { segmentBytes: 200, retentionDays: 10, now: () => now });
    t.append(entry('tl_old_1', 'deal_1', '2026-12-01T00:00:00.000Z'));
    t.append(entry('tl_old_2', 'deal_2', '2026-12-02T00:00:00.000Z'));
    await t.flush();
    await t.afterCheckpoint(); // sealed: over 200 bytes
    t.append(entry('tl_new', 'deal_1', '2026-12-19T00:00:00.000Z'));
    await t.flush();
    await t.afterCheckpoint();
    // Segment 0 sealed with its index; segment 1 (under 200 bytes) is the active one.
    expect((await readdir(join(dir, 'timeline'))).sort()).toEqual([
      '0.idx.json',
      '0.jsonl',
      '1.jsonl',
    ]);
    await t.close();

    // Reopened within the retention period: both segments, from their indexes.
    const kept = await open(dir, { retentionDays: 30, now: () => now });
    expect((await kept.listByRecord('deal_1')).map((e) => e.id)).toEqual(['tl_old_1', 'tl_new']);
    await kept.close();

    // 10 days: segment 0 (newest entry 2026-12-02) goes, segment 1 stays.
    const retained = await open(dir, { retentionDays: 10, now: () => now });
    expect((await retained.listByRecord('deal_1')).map((e) => e.id)).toEqual(['tl_new']);
    expect(await retained.listByRecord('deal_2')).toEqual([]);
    expect((await readdir(join(dir, 'timeline'))).sort()).toEqual(['1.jsonl']);
    await retained.close();
  });

  it('moves the timeline out of the slices of older data folders, keeping every entry', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-legacy-'));
    await (await LowdbStore.open(dir, quiet)).close();
    const a = entry('tl_a', 'deal_1', '2026-12-01T10:00:00.000Z');
    const b = entry('tl_b', 'deal_1', '2026-12-01T09:00:00.000Z');
    await writeFile(join(dir, 'timeline', '5.json'), JSON.stringify({ tl_a: a, tl_b: b }));
    const store = await LowdbStore.open(dir, quiet);
    expect((await history(store, 'deal_1')).map((e) => e.id)).toEqual(['tl_b', 'tl_a']);
    await store.close();
    expect(await readdir(join(dir, 'timeline'))).toEqual(['0.jsonl']);
  });

  it('keeps an entry deleted after it was stored deleted across a reopen', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-delete-'));
    const store = await LowdbStore.open(dir, quiet);
    await store.commit([append(entry('tl_1', 'deal_1')), append(entry('tl_2', 'deal_1'))]);
    await store.checkpoint();
    await store.commit([{ op: 'delete', collection: 'timeline', key: 'tl_1' }]);
    await store.close();
    const again = await LowdbStore.open(dir, quiet);
    expect((await history(again, 'deal_1')).map((e) => e.id)).toEqual(['tl_2']);
    await again.close();
  });

  it('indexes sealed segments after opening: histories in order, removals across segments kept, appends wait', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-tl-later-'));
    const small = { ...quiet, timelineSegmentBytes: 150 };
    const store = await LowdbStore.open(dir, small);
    for (let i = 0; i < 6; i++) {
      await store.commit([append(entry(`tl_${i}`, `deal_${i % 2}`))]);
      await store.checkpoint(); // each append over 150 bytes: sealed once past 150 bytes
    }
    // Removed while its line is in a sealed segment: the deletion line is in a later one.
    await store.commit([{ op: 'delete', collection: 'timeline', key: 'tl_2' }]);
    await store.checkpoint();
    await store.close();
    const files = await readdir(join(dir, 'timeline'));
    expect(files.filter((f) => f.endsWith('.idx.json')).length).toBeGreaterThanOrEqual(2);

    const again = await LowdbStore.open(dir, small);
    // Committed before the sealed segments' indexes are loaded: waits for them.
    await again.commit([append(entry('tl_9', 'deal_0'))]);
    expect((await history(again, 'deal_0')).map((e) => e.id)).toEqual(['tl_0', 'tl_4', 'tl_9']);
    expect((await history(again, 'deal_1')).map((e) => e.id)).toEqual(['tl_1', 'tl_3', 'tl_5']);
    expect(await again.get('timeline', 'tl_2')).toBeUndefined();
    expect(again.timelineSize()).toBe(6);
    await again.close();
    // The removed entry's text is gone from every segment.
    for (const f of files.filter((x) => x.endsWith('.jsonl')))
      expect(await readFile(join(dir, 'timeline', f), 'utf8')).not.toContain('moved tl_2');
  });
});
