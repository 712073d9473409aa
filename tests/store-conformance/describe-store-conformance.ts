import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppendOnlyError } from '../../runtime/domain/append-only-error.js';
import { InvalidCursorError } from '../../runtime/domain/invalid-cursor-error.js';
import type { Page } from '../../runtime/domain/page.js';
import { RevisionConflictError } from '../../runtime/domain/revision-conflict-error.js';
import type { Store } from '../../runtime/domain/store-port.js';
import type { WriteOp } from '../../runtime/domain/write-op.js';
import { appendEntry, at, entry, outbox, putRecord, putTimer, record, timer } from './fixtures.js';

/** A store under test, empty; `reopen` (where the store is durable) closes it and opens the same data. */
export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
  reopen?: () => Promise<Store>;
}

/** Walks a paged query to its end, calling `between` after each page. */
async function walk<T>(
  page: (cursor: string | null) => Promise<Page<T>>,
  between: (n: number) => Promise<void> = async () => undefined,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const p: Page<T> = await page(cursor);
    out.push(...p.items);
    if (p.nextCursor === null) return out;
    cursor = p.nextCursor;
    await between(n);
  }
  throw new Error('the cursor walk did not end');
}

const TEN_MINUTES = 600_000;

const ids = (docs: ReadonlyArray<{ id: string }>): string[] => docs.map((d) => d.id);

/**
 * The store contract (`runtime/domain/store-port.ts`) as one suite every store runs
 * unchanged: memory, lowdb, PostgreSQL. It uses the interface only, never an
 * implementation's internals.
 * @example describeStoreConformance('MemoryStore', async () => ({ store: new MemoryStore(), close: async () => {} }))
 */
export function describeStoreConformance(name: string, open: () => Promise<OpenedStore>): void {
  describe(`store contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;
    beforeEach(async () => {
      opened = await open();
      store = opened.store;
    });
    afterEach(async () => {
      await opened.close();
    });

    describe('writes', () => {
      it('puts, reads by key and deletes', async () => {
        expect(await store.get('records', 'r1')).toBeUndefined();
        await store.commit([putRecord(record('r1', 1))]);
        expect(await store.get('records', 'r1')).toMatchObject({ id: 'r1', stage: 'new' });
        await store.commit([{ op: 'delete', collection: 'records', key: 'r1' }]);
        expect(await store.get('records', 'r1')).toBeUndefined();
        // Deleting what is not there is no error.
        await store.commit([{ op: 'delete', collection: 'records', key: 'r1' }]);
      });

      it('sets a record revision on every put, ignoring the value written', async () => {
        await store.commit([putRecord({ ...record('r1', 1), revision: 40 })]);
        expect((await store.get('records', 'r1'))?.revision).toBe(1);
        await store.commit([putRecord({ ...record('r1', 1), stage: 'won' })]);
        expect(await store.get('records', 'r1')).toMatchObject({ revision: 2, stage: 'won' });
      });

      it('applies a conditional put whose revision matches', async () => {
        await store.commit([putRecord(record('r1', 1), null)]);
        await store.commit([putRecord({ ...record('r1', 1), stage: 'won' }, 1)]);
        expect(await store.get('records', 'r1')).toMatchObject({ revision: 2, stage: 'won' });
      });

      it('refuses a whole batch when one condition is stale, applying nothing', async () => {
        await store.commit([putRecord(record('r1', 1))]);
        const batch: WriteOp[] = [
          putRecord(record('r2', 2)),
          putTimer(timer('t1', 5)),
          putRecord({ ...record('r1', 1), stage: 'won' }, 0),
        ];
        const refused = await store.commit(batch).then(
          () => undefined,
          (e: unknown) => e,
        );
        expect(refused).toBeInstanceOf(RevisionConflictError);
        expect(refused).toMatchObject({ collection: 'records', key: 'r1', expected: 0, actual: 1 });
        expect(await store.get('records', 'r2')).toBeUndefined();
        expect(await store.get('timers', 't1')).toBeUndefined();
        expect(await store.nextTimerDue()).toBeUndefined();
        expect(await store.get('records', 'r1')).toMatchObject({ revision: 1, stage: 'new' });
      });

      it('refuses a create over an existing key and a conditional write to a missing one', async () => {
        await store.commit([putRecord(record('r1', 1))]);
        await expect(store.commit([putRecord(record('r1', 1), null)])).rejects.toBeInstanceOf(
          RevisionConflictError,
        );
        await expect(store.commit([putRecord(record('r9', 1), 3)])).rejects.toMatchObject({
          actual: null,
        });
        await expect(
          store.commit([{ op: 'delete', collection: 'records', key: 'r1', expectRevision: 7 }]),
        ).rejects.toBeInstanceOf(RevisionConflictError);
        await store.commit([{ op: 'delete', collection: 'records', key: 'r1', expectRevision: 1 }]);
        expect(await store.get('records', 'r1')).toBeUndefined();
      });

      it('checks conditions on documents without revisions as revision 0 (models, older data)', async () => {
        const model = { id: 'm1', draft: {} as never, updatedAt: at(0) };
        await store.commit([{ op: 'put', collection: 'models', key: 'm1', value: model }]);
        await store.commit([
          {
            op: 'put',
            collection: 'models',
            key: 'm1',
            value: { ...model, revision: 1 },
            expectRevision: 0,
          },
        ]);
        await expect(
          store.commit([
            { op: 'put', collection: 'models', key: 'm1', value: model, expectRevision: 0 },
          ]),
        ).rejects.toMatchObject({ expected: 0, actual: 1 });
      });

      it('lets exactly one of two concurrent writers of the same revision win', async () => {
        await store.commit([putRecord(record('r1', 1))]);
        const results = await Promise.allSettled([
          store.commit([putRecord({ ...record('r1', 1), stage: 'a' }, 1)]),
          store.commit([putRecord({ ...record('r1', 1), stage: 'b' }, 1)]),
        ]);
        const won = results.filter((r) => r.status === 'fulfilled');
        const lost = results.filter((r) => r.status === 'rejected');
        expect(won).toHaveLength(1);
        expect(lost).toHaveLength(1);
        expect((lost[0] as PromiseRejectedResult).reason).toBeInstanceOf(RevisionConflictError);
        const final = await store.get('records', 'r1');
        expect(final?.revision).toBe(2);
        expect(['a', 'b']).toContain(final?.stage);
      });

      it('keeps append-only collections append-only', async () => {
        await store.commit([appendEntry(entry('tl1', 'r1', 1))]);
        expect(await store.get('timeline', 'tl1')).toMatchObject({ message: 'entry tl1' });
        await expect(
          store.commit([putRecord(record('r2', 2)), appendEntry(entry('tl1', 'r1', 2))]),
        ).rejects.toBeInstanceOf(AppendOnlyError);
        await expect(
          store.commit([
            { op: 'put', collection: 'timeline', key: 'tl1', value: entry('tl1', 'r1', 3) },
          ]),
        ).rejects.toBeInstanceOf(AppendOnlyError);
        expect(await store.get('records', 'r2')).toBeUndefined();
        expect((await store.get('timeline', 'tl1'))?.at).toBe(at(1));
        // Retention and a record's deletion remove entries.
        await store.commit([{ op: 'delete', collection: 'timeline', key: 'tl1' }]);
        expect(await store.get('timeline', 'tl1')).toBeUndefined();
      });

      it('calls timer listeners after a batch that touched timers', async () => {
        let calls = 0;
        const off = store.onTimersChanged(() => calls++);
        await store.commit([putRecord(record('r1', 1))]);
        const before = calls;
        await store.commit([putTimer(timer('t1', 5))]);
        expect(calls).toBeGreaterThan(before);
        off();
        const after = calls;
        await store.commit([{ op: 'delete', collection: 'timers', key: 't1' }]);
        expect(calls).toBe(after);
      });
    });

    describe('record queries', () => {
      beforeEach(async () => {
        await store.commit([
          putRecord(record('r1', 1)),
          putRecord(
            record('r2', 2, {
              stage: 'won',
              fields: { title: 'Big Order', responsible: 'petrov', amount: 5000 },
            }),
          ),
          putRecord(record('r3', 3, { pipeline: 'support', stage: 'open', model: 'm2' })),
          putRecord(
            record('r4', 4, {
              entity: 'lead',
              fields: { title: 'Lead', responsible: 'ivanov', source: 'web' },
            }),
          ),
          putRecord(
            record('r5', 5, {
              stage: 'lost',
              updatedAt: at(50),
              fields: { title: 'small order', responsible: 'sidorov', amount: 20, source: 'web' },
            }),
          ),
        ]);
      });

      const q = async (filter: Parameters<Store['queryRecords']>[0]) =>
        ids((await store.queryRecords(filter, { limit: 100 })).items);

      it('filters by entity, model, pipeline and stage (one or several)', async () => {
        expect(await q({ entity: 'deal' })).toEqual(['r1', 'r2', 'r3', 'r5']);
        expect(await q({ model: 'm2' })).toEqual(['r3']);
        expect(await q({ entity: 'deal', pipeline: 'sales' })).toEqual(['r1', 'r2', 'r5']);
        expect(await q({ pipeline: 'sales', stage: 'won' })).toEqual(['r2']);
        expect(await q({ stage: ['won', 'lost'] })).toEqual(['r2', 'r5']);
        expect(await q({ stage: [] })).toEqual([]);
      });

      it('filters by responsible (one or several), field equality, time, title and amount', async () => {
        expect(await q({ responsible: 'ivanov' })).toEqual(['r1', 'r3', 'r4']);
        expect(await q({ responsible: ['petrov', 'sidorov'] })).toEqual(['r2', 'r5']);
        expect(await q({ responsible: [] })).toEqual([]);
        expect(await q({ fields: { source: 'web' } })).toEqual(['r4', 'r5']);
        expect(await q({ fields: { source: 'web', responsible: 'ivanov' } })).toEqual(['r4']);
        expect(await q({ updatedSince: at(4) })).toEqual(['r4', 'r5']);
        expect(await q({ text: 'ORDER' })).toEqual(['r2', 'r5']);
        expect(await q({ amount: { min: 100, max: 300 } })).toEqual(['r1', 'r3']);
        expect(await q({ amount: { min: 1000 } })).toEqual(['r2']);
      });

      it('filters by stage limits per pipeline (access scopes), other pipelines unlimited', async () => {
        const limits = { sales: ['new', 'won'] };
        expect(await q({ entity: 'deal', stageLimits: limits })).toEqual(['r1', 'r2', 'r3']);
        expect(await q({ stageLimits: { sales: [] } })).toEqual(['r3']);
        expect(await q({ responsible: ['ivanov'], stageLimits: limits })).toEqual([
          'r1',
          'r3',
          'r4',
        ]);
        expect(await store.countRecords({ stageLimits: { support: ['closed'] } })).toBe(4);
      });

      it('counts what a filter matches', async () => {
        expect(await store.countRecords({})).toBe(5);
        expect(await store.countRecords({ entity: 'deal', pipeline: 'sales' })).toBe(3);
        expect(await store.countRecords({ stage: [] })).toBe(0);
      });

      it('sorts by createdAt or updatedAt, either way, ties by id', async () => {
        const page = async (sort: 'createdAt' | 'updatedAt', order: 'asc' | 'desc') =>
          ids((await store.queryRecords({ entity: 'deal' }, { sort, order })).items);
        expect(await page('createdAt', 'desc')).toEqual(['r5', 'r3', 'r2', 'r1']);
        await store.commit([putRecord(record('r1', 1, { updatedAt: at(60) }))]);
        expect(await page('updatedAt', 'asc')).toEqual(['r2', 'r3', 'r5', 'r1']);
        expect(await page('updatedAt', 'desc')).toEqual(['r1', 'r5', 'r3', 'r2']);
        await store.commit([putRecord(record('r0', 2))]);
        expect(await page('createdAt', 'asc')).toEqual(['r1', 'r0', 'r2', 'r3', 'r5']);
      });
    });

    describe('paging', () => {
      const many = (from: number, to: number) => {
        const out: WriteOp[] = [];
        for (let n = from; n < to; n++)
          out.push(putRecord(record(`r${String(n).padStart(3, '0')}`, n)));
        return out;
      };

      it('walks every item once, in order, with a default and a given limit', async () => {
        await store.commit(many(0, 130));
        const first = await store.queryRecords({});
        expect(first.items).toHaveLength(100);
        expect(first.nextCursor).not.toBeNull();
        const all = await walk((cursor) => store.queryRecords({}, { limit: 7, cursor }));
        expect(ids(all)).toEqual(
          ids(many(0, 130).map((o) => (o as { value: { id: string } }).value)),
        );
        const last = await store.queryRecords({}, { limit: 130 });
        expect(last.nextCursor).toBeNull();
      });

      it('stays stable when items are inserted between pages', async () => {
        await store.commit(many(10, 40));
        const seen = await walk(
          (cursor) => store.queryRecords({}, { limit: 5, cursor }),
          // New items before and after the walk's position.
          async (n) =>
            store.commit([
              putRecord(record(`early${n}`, 0)),
              putRecord(record(`late${n}`, 100 + n)),
            ]),
        );
        const got = ids(seen);
        expect(new Set(got).size).toBe(got.length);
        const originals = got.filter((id) => id.startsWith('r'));
        expect(originals).toEqual(
          ids(many(10, 40).map((o) => (o as { value: { id: string } }).value)),
        );
        expect(got.some((id) => id.startsWith('early'))).toBe(false);
        // Items inserted after the position are reached, in order.
        const late = got.filter((id) => id.startsWith('late'));
        expect(late).toEqual([...late].sort((a, b) => Number(a.slice(4)) - Number(b.slice(4))));
        expect(late.length).toBeGreaterThan(0);
      });

      it('walks backwards with order desc', async () => {
        await store.commit(many(0, 12));
        const all = await walk((cursor) =>
          store.queryRecords({}, { limit: 5, cursor, order: 'desc' }),
        );
        expect(ids(all)).toEqual(
          ids(many(0, 12).map((o) => (o as { value: { id: string } }).value)).reverse(),
        );
      });

      it('refuses a cursor it did not issue, or one from another list', async () => {
        await store.commit([
          ...many(0, 3),
          appendEntry(entry('tl1', 'r000', 1)),
          appendEntry(entry('tl2', 'r000', 2)),
        ]);
        await expect(store.queryRecords({}, { cursor: 'not a cursor!' })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
        await expect(store.queryRecords({}, { cursor: 'bm90LWEtY3Vyc29y' })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
        const tl = await store.query('timeline', { recordId: 'r000' }, { limit: 1 });
        expect(tl.nextCursor).not.toBeNull();
        await expect(store.queryRecords({}, { cursor: tl.nextCursor })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
        await expect(store.query('tasks', {}, { cursor: tl.nextCursor })).rejects.toBeInstanceOf(
          InvalidCursorError,
        );
      });
    });

    describe('collection queries', () => {
      it("pages one record's timeline in time order (ties in write order), with kind and time filters", async () => {
        await store.commit([
          appendEntry(entry('tl_03', 'r1', 2)),
          appendEntry(entry('tl_01', 'r1', 1, 5)),
          appendEntry({ ...entry('tl_02', 'r1', 1, 1), kind: 'rule' }),
          appendEntry(entry('tl_04', 'r2', 1)),
        ]);
        const tl = await walk((cursor) =>
          store.query('timeline', { recordId: 'r1' }, { limit: 2, cursor }),
        );
        expect(ids(tl)).toEqual(['tl_01', 'tl_02', 'tl_03']);
        expect(
          ids((await store.query('timeline', { recordId: 'r1', kind: 'rule' })).items),
        ).toEqual(['tl_02']);
        expect(ids((await store.query('timeline', { since: at(2) })).items)).toEqual(['tl_03']);
        expect(ids((await store.query('timeline', { until: at(2) })).items)).toEqual([
          'tl_01',
          'tl_02',
          'tl_04',
        ]);
      });

      it('filters tasks, notifications, documents and versions', async () => {
        await store.commit([
          {
            op: 'put',
            collection: 'tasks',
            key: 'k1',
            value: {
              id: 'k1',
              recordId: 'r1',
              title: 'a',
              status: 'open',
              createdAt: at(2),
              assignee: 'ivanov',
            },
          },
          {
            op: 'put',
            collection: 'tasks',
            key: 'k2',
            value: { id: 'k2', recordId: 'r1', title: 'b', status: 'done', createdAt: at(1) },
          },
          {
            op: 'put',
            collection: 'tasks',
            key: 'k3',
            value: { id: 'k3', recordId: 'r2', title: 'c', status: 'open', createdAt: at(0) },
          },
          {
            op: 'put',
            collection: 'notifications',
            key: 'n1',
            value: {
              id: 'n1',
              recordId: 'r1',
              recipient: 'petrov',
              message: 'x',
              createdAt: at(1),
            },
          },
          {
            op: 'put',
            collection: 'documents',
            key: 'd1',
            value: {
              id: 'd1',
              recordId: 'r1',
              template: 'contract',
              register: 'contracts',
              title: 'C',
              mediaType: 'text/html',
              content: '<p>',
              createdAt: at(3),
              idempotencyKey: 'd1',
            },
          },
          {
            op: 'put',
            collection: 'documents',
            key: 'd2',
            value: {
              id: 'd2',
              recordId: 'r2',
              template: 'invoice',
              register: 'invoices',
              title: 'I',
              mediaType: 'text/html',
              content: '<p>',
              createdAt: at(1),
              idempotencyKey: 'd2',
            },
          },
          ...[2, 10, 1].map((v): WriteOp => ({
            op: 'put',
            collection: 'versions',
            key: `m1@${String(v).padStart(6, '0')}`,
            value: {
              modelId: 'm1',
              version: v,
              publishedAt: at(v),
              publishedBy: 'api',
              model: {} as never,
              ruleSet: {} as never,
            },
          })),
          {
            op: 'put',
            collection: 'versions',
            key: 'm2@000001',
            value: {
              modelId: 'm2',
              version: 1,
              publishedAt: at(0),
              publishedBy: 'api',
              model: {} as never,
              ruleSet: {} as never,
            },
          },
        ]);
        expect(ids((await store.query('tasks', { recordId: 'r1' })).items)).toEqual(['k2', 'k1']);
        expect(ids((await store.query('tasks', { status: 'open' })).items)).toEqual(['k3', 'k1']);
        expect(ids((await store.query('tasks', { assignee: 'ivanov' })).items)).toEqual(['k1']);
        expect(ids((await store.query('notifications', { recipient: 'petrov' })).items)).toEqual([
          'n1',
        ]);
        expect(ids((await store.query('documents', {})).items)).toEqual(['d2', 'd1']);
        expect(ids((await store.query('documents', { recordId: 'r1' })).items)).toEqual(['d1']);
        expect(ids((await store.query('documents', { register: 'invoices' })).items)).toEqual([
          'd2',
        ]);
        const versions = await walk((cursor) =>
          store.query('versions', { modelId: 'm1' }, { limit: 2, cursor }),
        );
        expect(versions.map((v) => v.version)).toEqual([1, 2, 10]);
      });

      it('filters the outbox by status (no status counts as kept), kind and record', async () => {
        await store.commit([
          { op: 'put', collection: 'outbox', key: 'o1', value: outbox('o1', 1) },
          {
            op: 'put',
            collection: 'outbox',
            key: 'o2',
            value: outbox('o2', 2, { status: 'dead', kind: 'webhook' }),
          },
          {
            op: 'put',
            collection: 'outbox',
            key: 'o3',
            value: outbox('o3', 3, { status: undefined, recordId: 'r2' }),
          },
          {
            op: 'put',
            collection: 'outbox',
            key: 'o4',
            value: outbox('o4', 4, { status: 'sent' }),
          },
        ]);
        const q = async (f: Parameters<Store['query']>[1]) =>
          ids((await store.query('outbox', f as never)).items);
        expect(await q({ status: 'dead' })).toEqual(['o2']);
        expect(await q({ status: 'kept' })).toEqual(['o3']);
        expect(await q({ status: ['pending', 'sent'] })).toEqual(['o1', 'o4']);
        expect(await q({ kind: 'webhook' })).toEqual(['o2']);
        expect(await q({ recordId: 'r1' })).toEqual(['o1', 'o2', 'o4']);
      });

      it('filters timers by record, entity, model, state, in-flight mark and due window, in due order', async () => {
        await store.commit([
          putTimer(timer('t1', 30)),
          putTimer(timer('t2', 10, { recordId: 'r2', entity: 'lead', modelId: 'm2' })),
          putTimer(timer('t3', 20, { status: 'failed' })),
          putTimer(timer('t4', 20, { inFlight: 1 })),
        ]);
        const q = async (f: Parameters<Store['query']>[1]) =>
          ids((await store.query('timers', f as never)).items);
        expect(await q({})).toEqual(['t2', 't3', 't4', 't1']);
        expect(await q({ recordId: 'r1' })).toEqual(['t3', 't4', 't1']);
        expect(await q({ entity: 'lead' })).toEqual(['t2']);
        expect(await q({ modelId: 'm1', state: 'pending' })).toEqual(['t4', 't1']);
        expect(await q({ state: 'failed' })).toEqual(['t3']);
        expect(await q({ inFlight: true })).toEqual(['t4']);
        expect(await q({ dueAfter: at(15), dueBefore: at(20) })).toEqual(['t3', 't4']);
      });

      it('filters the audit log and recycle bin; lists small collections by key', async () => {
        const actor = {
          kind: 'person' as const,
          accountId: 'acc1',
          userId: 'ivanov',
          name: 'I',
          role: 'owner',
        };
        await store.commit([
          {
            op: 'append',
            collection: 'audit',
            key: 'a1',
            value: {
              id: 'a1',
              at: at(1),
              seq: 0,
              actor,
              kind: 'record.deleted',
              entity: 'deal',
              recordId: 'r1',
              outcome: 'success',
            },
          },
          {
            op: 'append',
            collection: 'audit',
            key: 'a2',
            value: {
              id: 'a2',
              at: at(2),
              seq: 0,
              actor: { kind: 'system', name: 'retention' },
              kind: 'record.purged',
              outcome: 'success',
            },
          },
          {
            op: 'put',
            collection: 'recycleBin',
            key: 'deal/r1',
            value: {
              key: 'deal/r1',
              entity: 'deal',
              recordId: 'r1',
              record: {},
              related: {},
              deletedAt: at(1),
              deletedBy: actor,
              purgeAfter: at(100),
            },
          },
          { op: 'put', collection: 'users', key: 'b', value: { key: 'b', name: 'B' } as never },
          { op: 'put', collection: 'users', key: 'a', value: { key: 'a', name: 'A' } as never },
        ]);
        expect(ids((await store.query('audit', { actor: 'acc1' })).items)).toEqual(['a1']);
        expect(ids((await store.query('audit', { kind: ['record.purged'] })).items)).toEqual([
          'a2',
        ]);
        expect(ids((await store.query('audit', { since: at(2) })).items)).toEqual(['a2']);
        expect(ids((await store.query('audit', { recordId: 'r1', entity: 'deal' })).items)).toEqual(
          ['a1'],
        );
        expect((await store.query('recycleBin', { purgeBefore: at(101) })).items).toHaveLength(1);
        expect((await store.query('recycleBin', { purgeBefore: at(99) })).items).toHaveLength(0);
        expect((await store.listAll('users')).map((u) => u.key)).toEqual(['a', 'b']);
        expect((await store.query('users', {}, { limit: 1 })).items.map((u) => u.key)).toEqual([
          'a',
        ]);
      });
    });

    describe('claims', () => {
      it('claims due timers earliest first, in bounded batches, skipping future and parked ones', async () => {
        await store.commit([
          putTimer(timer('t3', 3)),
          putTimer(timer('t1', 1)),
          putTimer(timer('t2', 2)),
          putTimer(timer('tp', 0, { status: 'failed' })),
          putTimer(timer('tf', 50)),
        ]);
        expect(await store.nextTimerDue()).toBe(at(1));
        expect(ids(await store.claimDueTimers(at(10), 2))).toEqual(['t1', 't2']);
        expect(ids(await store.claimDueTimers(at(10), 2))).toEqual(['t3']);
        expect(await store.claimDueTimers(at(10), 2)).toEqual([]);
      });

      it('never hands the same timer to two concurrent claimers', async () => {
        const ops: WriteOp[] = [];
        for (let n = 0; n < 40; n++)
          ops.push(putTimer(timer(`t${String(n).padStart(2, '0')}`, n % 7)));
        await store.commit(ops);
        const batches = await Promise.all([
          store.claimDueTimers(at(10), 15),
          store.claimDueTimers(at(10), 15),
          store.claimDueTimers(at(10), 15),
        ]);
        const claimed = batches.flatMap(ids);
        expect(new Set(claimed).size).toBe(claimed.length);
        expect(claimed).toHaveLength(40);
      });

      it('frees a claim when the timer is re-planned or deleted, or when the lease ends', async () => {
        await store.commit([putTimer(timer('t1', 1)), putTimer(timer('t2', 2))]);
        expect(ids(await store.claimDueTimers(at(5), 10, 60_000))).toEqual(['t1', 't2']);
        // The in-flight mark keeps the claim; a new due time ends it.
        await store.commit([putTimer(timer('t1', 1, { inFlight: 1 }))]);
        expect(await store.claimDueTimers(at(5), 10, 60_000)).toEqual([]);
        await store.commit([
          putTimer(timer('t1', 4, { attempts: 1 })),
          { op: 'delete', collection: 'timers', key: 't2' },
        ]);
        expect(ids(await store.claimDueTimers(at(5), 10, 60_000))).toEqual(['t1']);
        // Two minutes later the one-minute lease is over.
        expect(ids(await store.claimDueTimers(at(7), 10, 60_000))).toEqual(['t1']);
      });

      it('claims pending outbox items that are due, once', async () => {
        await store.commit([
          { op: 'put', collection: 'outbox', key: 'o1', value: outbox('o1', 1) },
          {
            op: 'put',
            collection: 'outbox',
            key: 'o2',
            value: outbox('o2', 2, { nextAttemptAt: at(30) }),
          },
          {
            op: 'put',
            collection: 'outbox',
            key: 'o3',
            value: outbox('o3', 3, { status: 'sent' }),
          },
          {
            op: 'put',
            collection: 'outbox',
            key: 'o4',
            value: outbox('o4', 0, { nextAttemptAt: at(4) }),
          },
        ]);
        const [a, b] = await Promise.all([
          store.claimPendingOutbox(at(10), 1, TEN_MINUTES),
          store.claimPendingOutbox(at(10), 5, TEN_MINUTES),
        ]);
        expect([...ids(a), ...ids(b)].sort()).toEqual(['o1', 'o4']);
        expect(await store.claimPendingOutbox(at(10), 5, TEN_MINUTES)).toEqual([]);
        // An attempt's outcome ends the claim; the item is due again at its next attempt.
        await store.commit([
          {
            op: 'put',
            collection: 'outbox',
            key: 'o1',
            value: outbox('o1', 1, { attempts: 1, nextAttemptAt: at(12) }),
          },
        ]);
        expect(await store.claimPendingOutbox(at(11), 5, TEN_MINUTES)).toEqual([]);
        // Half an hour on, every lease is over: o4 (never settled) is due again too.
        expect(ids(await store.claimPendingOutbox(at(40), 5))).toEqual(['o4', 'o1', 'o2']);
      });

      it('reports the earliest pending due time, ignoring parked timers', async () => {
        expect(await store.nextTimerDue()).toBeUndefined();
        await store.commit([
          putTimer(timer('t1', 9)),
          putTimer(timer('t0', 1, { status: 'failed' })),
        ]);
        expect(await store.nextTimerDue()).toBe(at(9));
        await store.commit([putTimer(timer('t2', 3))]);
        expect(await store.nextTimerDue()).toBe(at(3));
        await store.commit([{ op: 'delete', collection: 'timers', key: 't2' }]);
        expect(await store.nextTimerDue()).toBe(at(9));
      });
    });

    describe('durability', () => {
      it('keeps every acknowledged write across a reopen', async (ctx) => {
        if (opened.reopen === undefined) {
          ctx.skip();
          return;
        }
        await store.commit([putRecord(record('r1', 1)), putTimer(timer('t1', 5))]);
        await store.commit([
          putRecord({ ...record('r1', 1), stage: 'won' }, 1),
          appendEntry(entry('tl1', 'r1', 1)),
        ]);
        store = await opened.reopen();
        opened.store = store;
        expect(await store.get('records', 'r1')).toMatchObject({ stage: 'won', revision: 2 });
        expect(ids((await store.query('timeline', { recordId: 'r1' })).items)).toEqual(['tl1']);
        expect(await store.nextTimerDue()).toBe(at(5));
        await expect(store.commit([putRecord(record('r1', 1), 1)])).rejects.toBeInstanceOf(
          RevisionConflictError,
        );
      });
    });
  });
}
