import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeStoreFs, type StoreFs } from '../../../runtime/store/store-fs.js';
import type { TimelineEntry } from '../../../runtime/store/store-types.js';
import { parseSegment } from '../../../runtime/store/timeline/segment-lines.js';
import { TimelineFiles } from '../../../runtime/store/timeline/timeline-files.js';

const entry = (id: string, recordId: string): TimelineEntry => ({
  id,
  recordId,
  at: '2026-12-01T10:00:00.000Z',
  seq: 1,
  kind: 'stage_changed',
  message: `secret words of ${id}`,
});

async function open(dir: string, fs: StoreFs = nodeStoreFs, extra = {}, log: string[] = []) {
  return TimelineFiles.open(join(dir, 'timeline'), dir, {
    fs,
    fsync: true,
    log: (l) => log.push(l),
    ...extra,
  });
}

/** Every segment's bytes, joined. */
async function segments(dir: string): Promise<string> {
  const names = (await readdir(join(dir, 'timeline'))).filter((n) => n.endsWith('.jsonl'));
  const texts = await Promise.all(names.map((n) => readFile(join(dir, 'timeline', n), 'utf8')));
  return texts.join('');
}

/** Node's file system whose positional writes longer than one byte fail (a crash mid-erase). */
const crashAfterFirstByte: StoreFs = {
  ...nodeStoreFs,
  open: async (path, flags) => {
    const h = await nodeStoreFs.open(path, flags);
    return {
      appendFile: (d) => h.appendFile(d),
      writeFile: (d) => h.writeFile(d),
      async write(data, offset, length, position) {
        if (length > 1) throw Object.assign(new Error('EIO: power lost'), { code: 'EIO' });
        return h.write(data, offset, length, position);
      },
      truncate: (l) => h.truncate(l),
      sync: () => h.sync(),
      datasync: () => h.datasync(),
      close: () => h.close(),
    };
  },
};

describe('erasing removed timeline entries (issue 12: purge erases)', () => {
  it('overwrites a removed entry in place; the others keep their positions and read back', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-erase-'));
    const t = await open(dir);
    for (const e of [entry('tl_1', 'a'), entry('tl_2', 'b'), entry('tl_3', 'a')]) t.append(e);
    await t.flush();
    const before = await readFile(join(dir, 'timeline', '0.jsonl'));
    t.remove('tl_2');
    await t.flush();
    const after = await readFile(join(dir, 'timeline', '0.jsonl'));
    expect(after.includes('secret words of tl_2')).toBe(false);
    expect(after.includes('"recordId":"b"')).toBe(false);
    // Same length up to the deletion line, which was appended.
    expect(after.subarray(0, before.length).length).toBe(before.length);
    expect(after.subarray(0, before.length).toString()).toMatch(/\n {20,}\n/);
    expect((await t.listByRecord('a')).map((e) => e.id)).toEqual(['tl_1', 'tl_3']);
    await t.close();
    const again = await open(dir);
    expect((await again.listByRecord('a')).map((e) => e.id)).toEqual(['tl_1', 'tl_3']);
    expect(await again.listByRecord('b')).toEqual([]);
    // Appending the same id again (a restore) works and survives a reopen.
    again.append(entry('tl_2', 'b'));
    await again.flush();
    await again.close();
    const third = await open(dir);
    expect((await third.listByRecord('b')).map((e) => e.id)).toEqual(['tl_2']);
    await third.close();
  });

  it('a crash between the two steps leaves a readable segment; opening finishes the erase', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-erase-'));
    const log: string[] = [];
    const t = await open(dir, crashAfterFirstByte, {}, log);
    for (const e of [entry('tl_1', 'a'), entry('tl_2', 'b')]) t.append(e);
    await t.flush();
    t.remove('tl_2');
    await t.flush();
    expect(log.join('\n')).toMatch(/could not erase 1 removed entries.*EIO/);
    const half = await readFile(join(dir, 'timeline', '0.jsonl'));
    // Only the first byte went: the line is skipped, nothing is damage.
    expect(half.includes('secret words of tl_2')).toBe(true);
    const parsed = parseSegment(half);
    expect(parsed.damage).toBeUndefined();
    expect(parsed.lines.filter((l) => 'id' in l).map((l) => ('id' in l ? l.id : ''))).toEqual([
      'tl_1',
    ]);
    // The process dies here (no close); the next one opens the folder.
    const reopenLog: string[] = [];
    const again = await open(dir, nodeStoreFs, {}, reopenLog);
    expect(reopenLog.join('\n')).toMatch(/still holds 1 removed entries.*erasing/);
    expect(await segments(dir)).not.toContain('secret words of tl_2');
    expect((await again.listByRecord('a')).map((e) => e.id)).toEqual(['tl_1']);
    expect(await again.listByRecord('b')).toEqual([]);
    await again.close();
    // Nothing left to finish on the next open.
    const quietLog: string[] = [];
    await (await open(dir, nodeStoreFs, {}, quietLog)).close();
    expect(quietLog).toEqual([]);
  });

  it('a torn second step (part spaces, part entry) is skipped and erased on open', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-erase-'));
    const t = await open(dir);
    for (const e of [entry('tl_1', 'a'), entry('tl_2', 'b')]) t.append(e);
    await t.flush();
    await t.close();
    // Written by hand as a crash would leave it: the deletion line is on disk, the
    // entry's first half overwritten, its second half not.
    const file = join(dir, 'timeline', '0.jsonl');
    const [l1, l2] = (await readFile(file, 'utf8')).split('\n') as [string, string];
    const torn = ' '.repeat(Math.floor(l2.length / 2)) + l2.slice(Math.floor(l2.length / 2));
    await writeFile(file, `${l1}\n${torn}\n{"$deleted":"tl_2"}\n`);
    const again = await open(dir);
    expect((await again.listByRecord('a')).map((e) => e.id)).toEqual(['tl_1']);
    expect(await readFile(file, 'utf8')).not.toContain('secret words of tl_2');
    await again.close();
  });

  it('erases in a sealed segment without breaking its sidecar index', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-erase-'));
    const t = await open(dir, nodeStoreFs, { segmentBytes: 64 });
    t.append(entry('tl_1', 'a'));
    t.append(entry('tl_2', 'b'));
    await t.flush();
    await t.afterCheckpoint(); // seals segment 0
    t.append(entry('tl_3', 'a'));
    t.remove('tl_2');
    await t.flush();
    expect(await readFile(join(dir, 'timeline', '0.jsonl'), 'utf8')).not.toContain('tl_2');
    await t.close();
    const log: string[] = [];
    const again = await open(dir, nodeStoreFs, { segmentBytes: 64 }, log);
    expect(log).toEqual([]);
    expect((await again.listByRecord('a')).map((e) => e.id)).toEqual(['tl_1', 'tl_3']);
    expect(await again.listByRecord('b')).toEqual([]);
    await again.close();
  });
});
