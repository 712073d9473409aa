import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { TimerDoc } from '../../../runtime/domain/timer.js';
import type { WriteOp } from '../../../runtime/domain/write-op.js';
import { LowdbStore } from '../../../runtime/store/lowdb-store.js';
import { eachSliceLine, sliceText } from '../../../runtime/store/slice-lines.js';

const quiet = { log: () => undefined };

const deal = (id: string, stage: string): RecordDoc => ({
  id,
  entity: 'deal',
  fields: { responsible: `u${id.length % 3}`, note: 'line one\nline "two"' },
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  model: 'm',
  pipeline: 'p',
  stage,
});
const timer = (id: string, recordId: string, dueAt: string): TimerDoc =>
  ({ id, recordId, dueAt, ruleId: 'r', entity: 'deal' }) as unknown as TimerDoc;
const putDeal = (d: RecordDoc): WriteOp => ({
  op: 'put',
  collection: 'records',
  key: d.id,
  value: d,
});
const putTimer = (t: TimerDoc): WriteOp => ({
  op: 'put',
  collection: 'timers',
  key: t.id,
  value: t,
});

/** A closed folder with 300 deals over the stages a, b, c and a timer each (one due long ago). */
async function folder(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-slice-lines-'));
  const store = await LowdbStore.open(dir, quiet);
  const ops: WriteOp[] = [];
  for (let i = 0; i < 300; i++) {
    const d = deal(`deal_${i}`, 'abc'[i % 3] as string);
    ops.push(putDeal(d));
    const due = i === 7 ? '2020-01-01T00:00:00.000Z' : '2099-01-01T00:00:00.000Z';
    ops.push(putTimer(timer(`tmr_${i}`, d.id, due)));
  }
  await store.commit(ops);
  await store.close();
  return dir;
}

async function sliceFiles(dir: string, c: string): Promise<string[]> {
  return (await readdir(join(dir, c))).filter((f) => /^\d+\.json$/.test(f)).map((f) => `${c}/${f}`);
}

describe('slice files as lines', () => {
  it('cuts what sliceText wrote into keys and texts, keys with escapes too; refuses other forms', () => {
    const docs: Record<string, unknown> = {
      a: { s: 'x\ny"z\\' },
      'k\\"q': { v: 1 },
      '': { e: [] },
      b: {},
    };
    const text = sliceText(
      Object.entries(docs).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`),
    );
    expect(JSON.parse(text)).toEqual(docs);
    const got: Record<string, unknown> = {};
    expect(eachSliceLine(text, (k, t) => (got[k] = JSON.parse(t)))).toBe(true);
    expect(got).toEqual(docs);
    expect(eachSliceLine('{}', () => expect.fail('no document'))).toBe(true);
    expect(eachSliceLine('{"a":{}}', () => undefined)).toBe(false);
    expect(eachSliceLine('{\n"a":{}\n"b":{}\n}', () => undefined)).toBe(false);
    expect(eachSliceLine('{\n"a":5\n}', () => undefined)).toBe(false);
  });

  it('a folder of single-line slices (the earlier layout) opens, and is written as lines with their sums', async () => {
    const dir = await folder();
    // Rewrite every slice as the earlier layout wrote it, and drop the sums.
    for (const f of [...(await sliceFiles(dir, 'records')), ...(await sliceFiles(dir, 'timers'))])
      await writeFile(
        join(dir, f),
        JSON.stringify(JSON.parse(await readFile(join(dir, f), 'utf8'))),
      );
    await writeFile(join(dir, 'slice-sums.json'), 'not json');
    let store = await LowdbStore.open(dir, quiet);
    expect(store.opened.asText).toBe(0);
    expect(store.opened.parsed).toBeGreaterThan(0);
    expect(await store.countRecords({ entity: 'deal', stage: 'b' })).toBe(100);
    await store.close();
    const [first] = await sliceFiles(dir, 'records');
    const text = await readFile(join(dir, first as string), 'utf8');
    expect(text.startsWith('{\n"deal_')).toBe(true);
    expect(JSON.parse(await readFile(join(dir, 'slice-sums.json'), 'utf8')).slices).toHaveProperty(
      (first as string).slice(0, -5),
    );
    store = await LowdbStore.open(dir, quiet);
    expect(store.opened.parsed).toBe(0);
    expect(store.opened.asText).toBeGreaterThan(0);
    expect(await store.get('records', 'deal_5')).toMatchObject(deal('deal_5', 'c'));
    await store.close();
  });

  it('opened as text, the indexes are whole before a query answers, with writes made meanwhile', async () => {
    const dir = await folder();
    // A few documents per step: the commit below lands while most are still text.
    const store = await LowdbStore.open(dir, { ...quiet, materialiseStep: 5 });
    expect(store.opened.parsed).toBe(0);
    // Written before the background indexing is done: a deal moved, a timer re-planned.
    await store.commit([
      putDeal(deal('deal_0', 'b')),
      putTimer(timer('tmr_1', 'deal_1', '2020-02-01T00:00:00.000Z')),
      { op: 'delete', collection: 'records', key: 'deal_2' },
    ]);
    expect(await store.countRecords({ entity: 'deal', stage: 'a' })).toBe(99);
    expect(await store.countRecords({ entity: 'deal', stage: 'b' })).toBe(101);
    expect(await store.countRecords({ entity: 'deal', stage: 'c' })).toBe(99);
    const page = await store.queryRecords({ entity: 'deal', stage: 'b' }, { limit: 500 });
    expect(page.items.map((r) => r.id)).toContain('deal_0');
    expect((await store.query('timers', { recordId: 'deal_9' })).items.map((t) => t.id)).toEqual([
      'tmr_9',
    ]);
    expect(await store.nextTimerDue()).toBe('2020-01-01T00:00:00.000Z');
    const due = await store.claimDueTimers('2021-01-01T00:00:00.000Z', 10);
    expect(due.map((t) => t.id).sort()).toEqual(['tmr_1', 'tmr_7']);
    await store.close();
    const again = await LowdbStore.open(dir, quiet);
    expect(await again.get('records', 'deal_2')).toBeUndefined();
    expect(await again.get('timers', 'tmr_1')).toMatchObject({ dueAt: '2020-02-01T00:00:00.000Z' });
    await again.close();
  });

  it('a slice changed on disk is parsed whole: damage is named at open, a valid edit is read', async () => {
    const dir = await folder();
    const [file] = await sliceFiles(dir, 'records');
    const path = join(dir, file as string);
    const text = await readFile(path, 'utf8');
    const at = text.indexOf('"entity"');
    // Same length, one byte: the sum no longer matches, so the slice is parsed whole.
    await writeFile(path, `${text.slice(0, at)}{${text.slice(at + 1)}`);
    await expect(LowdbStore.open(dir, quiet)).rejects.toThrow(
      new RegExp(`${(file as string).replace('.', '\\.')} at byte \\d+: not valid JSON`),
    );
    const id = /"(deal_\d+)"/.exec(text)?.[1] as string;
    await writeFile(
      path,
      text.replace(`"id":"${id}","entity":"deal"`, `"id":"${id}","entity":"lead"`),
    );
    const store = await LowdbStore.open(dir, quiet);
    expect(store.opened.parsed).toBe(1);
    expect(await store.get('records', id)).toMatchObject({ entity: 'lead' });
    expect(await store.countRecords({ entity: 'lead' })).toBe(1);
    await store.close();
  });
});
