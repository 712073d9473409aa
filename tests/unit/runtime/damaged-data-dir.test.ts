import { mkdtemp, readFile, readdir, truncate, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import { recoverDataDir } from '../../../runtime/store/recover-data-dir.js';
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
const line = (ops: WriteOp[]): string => `${JSON.stringify(ops)}\n`;
const quiet = { log: () => undefined };

/** A closed data folder holding `deal_1` in its slices, and the slice file that holds it. */
async function folderWithDeal(): Promise<{ dir: string; slice: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-damaged-'));
  const store = await LowdbStore.open(dir, quiet);
  await store.commit([put('deal_1')]);
  await store.close();
  const [file] = await readdir(join(dir, 'records'));
  return { dir, slice: `records/${file}` };
}

/** Every file of the folder with its bytes (the lock left aside). */
async function snapshot(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await readdir(dir, { recursive: true })) as string[]) {
    if (f.includes('conveyor.lock') || f.endsWith('conveyor.owner.json')) continue;
    try {
      out.set(f, await readFile(join(dir, f), 'utf8'));
    } catch {
      // a folder
    }
  }
  return out;
}

describe('a damaged data folder', () => {
  it('a torn line in the middle of the journal stops the open, names file, line and byte, and changes nothing', async () => {
    const { dir } = await folderWithDeal();
    const good = line([put('deal_2')]);
    // A failed append left half a batch, and the next batch was glued to it.
    await writeFile(
      join(dir, 'journal.log'),
      `${good}[{"op":"put","coll${line([put('deal_3')])}${line([put('deal_4')])}`,
    );
    const before = await snapshot(dir);
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(
      new RegExp(
        `journal\\.log line 2 \\(byte ${Buffer.byteLength(good)}\\): not valid JSON.*2 batches from there on.*store recover --data-dir`,
      ),
    );
    expect(await snapshot(dir)).toEqual(before);
  });

  it('a wrong-shaped journal line stops the open too', async () => {
    const { dir } = await folderWithDeal();
    await writeFile(
      join(dir, 'journal.log'),
      `${line([put('deal_2')])}[{"op":"put","collection":"nope","key":"x","value":{}}]\n`,
    );
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(
      /journal\.log line 2 .*names no known collection/,
    );
  });

  it('a torn last line is the unacknowledged tail: dropped, logged, the rest replayed', async () => {
    const { dir } = await folderWithDeal();
    await writeFile(join(dir, 'journal.log'), `${line([put('deal_2')])}[{"op":"put","coll`);
    const logged: string[] = [];
    const store = await LowdbStore.open(dir, { log: (l) => logged.push(l) });
    expect(await store.get('records', 'deal_2')).toBeDefined();
    await store.close();
    expect(logged.join('\n')).toMatch(
      /journal\.log ends with 18 bytes of a batch cut short at byte \d+/,
    );
  });

  it('a truncated slice stops the open with its file and byte; a wrong-shaped one with the entry', async () => {
    const { dir, slice } = await folderWithDeal();
    const size = Buffer.byteLength(await readFile(join(dir, slice), 'utf8'));
    await truncate(join(dir, slice), size - 10);
    const before = await snapshot(dir);
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(
      new RegExp(`${slice.replace('.', '\\.')} at byte ${size - 10}: not valid JSON, truncated`),
    );
    expect(await snapshot(dir)).toEqual(before);

    await writeFile(join(dir, slice), '{"deal_1":5}');
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(
      /as a whole: 1 entry is not documents \(first: "deal_1"\)/,
    );
    await writeFile(join(dir, slice), '[]');
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(/not a JSON object of documents/);
  });

  it('recovery keeps a copy of the damaged files and recovers up to the last good batch', async () => {
    const { dir, slice } = await folderWithDeal();
    const damagedJournal = `${line([put('deal_2')])}garbage\n${line([put('deal_3')])}`;
    await writeFile(join(dir, 'journal.log'), damagedJournal);
    await writeFile(join(dir, slice), '{"deal_1":{"id":"deal_1"},"deal_9":"x"}');
    const report = await recoverDataDir(dir, {
      now: () => new Date('2026-03-01T10:00:00Z'),
      ...quiet,
    });
    expect(report.journal).toMatchObject({ line: 2, kept: 1, dropped: 2 });
    expect(report.slices).toMatchObject([{ file: slice, kept: 1 }]);
    const backup = join(dir, 'damaged-2026-03-01T10-00-00-000Z');
    expect(report.backup).toBe(backup);
    expect(await readFile(join(backup, 'journal.log'), 'utf8')).toBe(damagedJournal);
    expect(await readFile(join(backup, slice), 'utf8')).toBe(
      '{"deal_1":{"id":"deal_1"},"deal_9":"x"}',
    );

    const store = await LowdbStore.open(dir, quiet);
    expect(await store.get('records', 'deal_1')).toBeDefined();
    expect(await store.get('records', 'deal_2')).toBeDefined();
    expect(await store.get('records', 'deal_3')).toBeUndefined();
    expect(await store.get('records', 'deal_9')).toBeUndefined();
    await store.close();
    // A sound folder is left alone.
    expect((await recoverDataDir(dir, quiet)).backup).toBeUndefined();
  });

  it('a journal appended after a failed append (glued lines, today) is refused, not silently emptied', async () => {
    const { dir } = await folderWithDeal();
    await appendFile(join(dir, 'journal.log'), `[{"op":"put"${line([put('deal_5')])}`);
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(/journal\.log line 1/);
    expect(await readFile(join(dir, 'journal.log'), 'utf8')).toContain('deal_5');
  });
});
