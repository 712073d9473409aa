import { sql } from 'kysely';
import pg from 'pg';
import type { CollectionFilters } from '../../domain/collection-filters.js';
import type { CollectionName, CollectionTypes, SmallCollection } from '../../domain/collections.js';
import type { OutboxDoc } from '../../domain/outbox.js';
import type { Page, PageRequest } from '../../domain/page.js';
import type { RecordDoc } from '../../domain/record.js';
import type { RecordPageRequest, RecordQuery } from '../../domain/record-query.js';
import { DEFAULT_CLAIM_LEASE_MS, type Store } from '../../domain/store-port.js';
import { StoreUnavailableError } from '../../domain/store-unavailable-error.js';
import type { TimerDoc } from '../../domain/timer.js';
import type { WriteOp } from '../../domain/write-op.js';
import {
  AppendMetKeyError,
  commitBatch,
  failedInsert,
  RaceLostError,
  type BatchLink,
} from './commit-batch.js';
import { inlineSql } from './inline-sql.js';
import { installJobs, jobsSchemaOf } from './jobs.js';
import { keysetOf, nextCursorOf, type Order } from './keyset.js';
import { STAMPED } from './migrations/0003-change-stamps.js';
import { openDatabase, type Db, type PostgresStoreOptions } from './open-database.js';
import { collectionConditions, recordConditions, whereOf } from './sql-conditions.js';
import { TABLES } from './tables.js';

export type { PostgresStoreOptions } from './open-database.js';

/** The count of versions, read with the change stamps under this name (no collection has it). */
const VERSIONS_COUNT = '#versions';

/** Serialization failures and deadlocks: the batch is tried again, whole. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 8;

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/** The database is gone or refusing: connection errors, shutdowns, too many clients. */
function isUnavailable(e: unknown): boolean {
  const code = codeOf(e);
  if (code === undefined)
    return e instanceof Error && /Connection terminated|connect ECONNREFUSED/.test(e.message);
  return (
    code.startsWith('08') ||
    code.startsWith('57P') ||
    code === '53300' ||
    code === 'ECONNREFUSED' ||
    code === 'ECONNRESET' ||
    code === 'ETIMEDOUT'
  );
}

const orderOf = (c: CollectionName): Order => ({
  tag: c,
  columns: [
    ...TABLES[c].sort.map((name) => ({
      name,
      type: TABLES[c].columns[name]?.type === 'int' ? ('int' as const) : ('text' as const),
    })),
    { name: 'key', type: 'text' as const },
  ],
});

/**
 * The store on PostgreSQL (`pg` pool, Kysely): one table per collection with the
 * document as json and indexed columns for its filters; records' fields as jsonb. A
 * commit is one transaction that locks the rows it writes; claims take rows with
 * `FOR UPDATE SKIP LOCKED` and hold them by a lease in the row, so any number of
 * processes share one database. Migrations run in `open`.
 */
export class PostgresStore implements Store {
  private readonly timerListeners = new Set<() => void>();
  private locksClosed: Promise<void> | undefined;
  /** The published versions last read, with the count of versions they were read at. */
  private published: { stamp: number; versions: ReadonlyMap<string, number> } | undefined;
  /** The read of change stamps that the next callers share (`stamps`), until it is sent. */
  private nextStamps: Promise<ReadonlyMap<string, number>> | undefined;

  private constructor(
    private readonly db: Db,
    /** The pool under `db`: commits send their statements as one string on a client of it. */
    private readonly pool: pg.Pool,
    /** graphile-worker's schema when timers and deliveries are planned as jobs. */
    readonly jobsSchema: string | undefined,
    /**
     * Connections that hold record locks while a change waits for its turn and runs.
     * Apart from the pool the changes read and write with, so lock holders waiting for
     * the writer lane can never starve the change they wait for of a connection.
     */
    private readonly locks: pg.Pool,
    /** Lock names carry the schema: deployments sharing a database do not wait on each other. */
    private readonly schema: string,
  ) {}

  /** Connects, makes the schema when missing and applies the migrations (and the job queue's). */
  static async open(options: PostgresStoreOptions): Promise<PostgresStore> {
    // Errors as the driver says them: at start the caller reports them in one line.
    const { db, pool } = await openDatabase(options);
    const schema = options.schema ?? 'conveyor';
    const locks = new pg.Pool({ connectionString: options.connectionString, max: 8 });
    // An idle connection the database dropped (a restart): the next lock connects again.
    locks.on('error', () => undefined);
    if (options.jobs !== true) return new PostgresStore(db, pool, undefined, locks, schema);
    const jobsSchema = jobsSchemaOf(schema);
    try {
      await installJobs(options.connectionString, jobsSchema);
    } catch (e) {
      await db.destroy();
      await locks.end();
      throw e;
    }
    return new PostgresStore(db, pool, jobsSchema, locks, schema);
  }

  async lockRecord(recordId: string): Promise<() => Promise<void>> {
    const name = `conveyor:${this.schema}:record:${recordId}`;
    return this.guard(async () => {
      const client = await this.locks.connect();
      // The connection lost while the lock is held (the lock goes with it): the unlock
      // fails and drops the connection; no unhandled error takes the process down.
      const lost = (): void => undefined;
      client.on('error', lost);
      try {
        await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [name]);
      } catch (e) {
        client.release(e instanceof Error ? e : true);
        client.off('error', lost);
        throw e;
      }
      let released = false;
      return async () => {
        if (released) return;
        released = true;
        try {
          await client.query('SELECT pg_advisory_unlock(hashtextextended($1, 0))', [name]);
          client.off('error', lost);
          client.release();
        } catch (e) {
          // A connection that could not unlock is dropped: closing it frees the lock.
          client.off('error', lost);
          client.release(e instanceof Error ? e : true);
        }
      };
    });
  }

  async publishedVersions(): Promise<ReadonlyMap<string, number>> {
    // Asked before every run: every publish adds a version, so while their count
    // stands the models (documents holding whole drafts) need not be read again.
    const stamp = (await this.stamps()).get(VERSIONS_COUNT) ?? 0;
    return this.guard(async () => {
      if (this.published !== undefined && this.published.stamp === stamp)
        return this.published.versions;
      const { rows } = await sql<{ key: string; version: number }>`
        SELECT key, (doc->>'publishedVersion')::integer AS version FROM models
        WHERE doc->>'publishedVersion' IS NOT NULL`.execute(this.db);
      const versions = new Map(rows.map((r) => [r.key, r.version]));
      // Read after the count: a publish between the two is read again next time.
      this.published = { stamp, versions };
      return versions;
    });
  }

  async sharedStamp(collections: readonly CollectionName[]): Promise<number> {
    for (const c of collections)
      if (!(STAMPED as readonly string[]).includes(c))
        throw new Error(`no change stamp is kept for ${c}`);
    const stamps = await this.stamps();
    return collections.reduce((sum, c) => sum + (stamps.get(c) ?? 0), 0);
  }

  /**
   * Every change stamp and the count of versions, in one small read shared by the calls
   * made while it waits to be sent: before every request and run a process asks for
   * some of them (a token's check, the directory, the published versions), and with many
   * requests at once they are one statement, not one each. A call never gets a read
   * that was sent before it was made (so it sees every commit that preceded it).
   */
  private stamps(): Promise<ReadonlyMap<string, number>> {
    if (this.nextStamps !== undefined) return this.nextStamps;
    const read = new Promise<void>((r) => setImmediate(r)).then(() => {
      // Sent now: calls from here on wait for the next read.
      this.nextStamps = undefined;
      return this.guard(async () => {
        const { rows } = await sql<{ collection: string; stamp: number }>`
          SELECT collection, stamp::float8 AS stamp FROM change_stamps
          UNION ALL SELECT ${VERSIONS_COUNT}, count(*)::float8 FROM versions`.execute(this.db);
        return new Map(rows.map((r) => [r.collection, r.stamp]));
      });
    });
    this.nextStamps = read;
    return read;
  }

  /** Runs a read or write, turning a lost database into `StoreUnavailableError` (HTTP 503). */
  private async guard<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (e) {
      if (isUnavailable(e)) throw new StoreUnavailableError(e, 'the database could not be reached');
      throw e;
    }
  }

  async get<C extends CollectionName>(c: C, key: string): Promise<CollectionTypes[C] | undefined> {
    return this.guard(async () => {
      const { rows } = await sql<{ doc: CollectionTypes[C] }>`
        SELECT doc FROM ${sql.table(TABLES[c].table)} WHERE key = ${key}`.execute(this.db);
      return rows[0]?.doc;
    });
  }

  async listAll<C extends SmallCollection>(c: C): Promise<Array<CollectionTypes[C]>> {
    return this.guard(async () => {
      const { rows } = await sql<{ doc: CollectionTypes[C] }>`
        SELECT doc FROM ${sql.table(TABLES[c].table)} ORDER BY key`.execute(this.db);
      return rows.map((r) => r.doc);
    });
  }

  async query<C extends CollectionName>(
    c: C,
    filter: CollectionFilters[C],
    page: PageRequest = {},
  ): Promise<Page<CollectionTypes[C]>> {
    const order = orderOf(c);
    const keyset = keysetOf(order, page);
    const conditions = collectionConditions(c, filter);
    if (keyset.after !== undefined) conditions.push(keyset.after);
    return this.guard(async () => {
      const { rows } = await sql<{ doc: CollectionTypes[C] } & Record<string, unknown>>`
        SELECT doc, ${sql.join(order.columns.map((col) => sql.ref(col.name)))}
        FROM ${sql.table(TABLES[c].table)} ${whereOf(conditions)}
        ${keyset.orderBy} LIMIT ${keyset.fetch}`.execute(this.db);
      return {
        items: rows.slice(0, keyset.limit).map((r) => r.doc),
        nextCursor: nextCursorOf(order, rows, keyset.limit),
      };
    });
  }

  async queryRecords(filter: RecordQuery, page: RecordPageRequest = {}): Promise<Page<RecordDoc>> {
    const sort = page.sort === 'updatedAt' ? 'updated_at' : 'created_at';
    const order: Order = {
      tag: `records:${page.sort ?? 'createdAt'}`,
      columns: [
        { name: sort, type: 'text' },
        { name: 'key', type: 'text' },
      ],
    };
    const keyset = keysetOf(order, page);
    const conditions = recordConditions(filter);
    if (keyset.after !== undefined) conditions.push(keyset.after);
    return this.guard(async () => {
      const { rows } = await sql<{ doc: RecordDoc } & Record<string, unknown>>`
        SELECT doc, ${sql.ref(sort)}, key FROM records ${whereOf(conditions)}
        ${keyset.orderBy} LIMIT ${keyset.fetch}`.execute(this.db);
      return {
        items: rows.slice(0, keyset.limit).map((r) => r.doc),
        nextCursor: nextCursorOf(order, rows, keyset.limit),
      };
    });
  }

  async countRecords(filter: RecordQuery): Promise<number> {
    return this.guard(async () => {
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::integer AS n FROM records ${whereOf(recordConditions(filter))}`.execute(
        this.db,
      );
      return rows[0]?.n ?? 0;
    });
  }

  async findRecordsByValue(entity: string, field: string, key: string): Promise<RecordDoc[]> {
    return this.guard(async () => {
      const value = key.replaceAll('\u0000', '\uFFFD');
      const { rows } = await sql<{ doc: RecordDoc }>`
        SELECT doc FROM records WHERE key IN (
          SELECT record_id FROM record_values
          WHERE entity = ${entity} AND field = ${field}
            AND md5(value_key) = md5(${value}) AND value_key = ${value})
        ORDER BY key`.execute(this.db);
      return rows.map((r) => r.doc);
    });
  }

  async claimDueTimers(
    now: string,
    limit: number,
    leaseMs = DEFAULT_CLAIM_LEASE_MS,
  ): Promise<TimerDoc[]> {
    const at = Date.parse(now);
    return this.guard(async () => {
      const { rows } = await sql<{ doc: TimerDoc; due_at: string; key: string }>`
        WITH due AS (
          SELECT key FROM timers
          WHERE NOT failed AND due_at <= ${now}
            AND (coalesce(claim_until, 0) <= ${at} OR claim_stamp IS DISTINCT FROM stamp)
          ORDER BY due_at, key LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        UPDATE timers t SET claim_until = ${at + leaseMs}, claim_stamp = t.stamp
        FROM due WHERE t.key = due.key
        RETURNING t.doc, t.due_at, t.key`.execute(this.db);
      return sortBy(rows, (r) => [r.due_at, r.key]).map((r) => r.doc);
    });
  }

  async claimPendingOutbox(
    now: string,
    limit: number,
    leaseMs = DEFAULT_CLAIM_LEASE_MS,
  ): Promise<OutboxDoc[]> {
    const at = Date.parse(now);
    return this.guard(async () => {
      const { rows } = await sql<{ doc: OutboxDoc; attempt_at: string; key: string }>`
        WITH ready AS (
          SELECT key FROM outbox
          WHERE status = 'pending' AND (next_attempt_at IS NULL OR next_attempt_at <= ${now})
            AND (coalesce(claim_until, 0) <= ${at} OR claim_stamp IS DISTINCT FROM stamp)
          ORDER BY attempt_at, key LIMIT ${limit}
          FOR UPDATE SKIP LOCKED)
        UPDATE outbox o SET claim_until = ${at + leaseMs}, claim_stamp = o.stamp
        FROM ready WHERE o.key = ready.key
        RETURNING o.doc, o.attempt_at, o.key`.execute(this.db);
      return sortBy(rows, (r) => [r.attempt_at, r.key]).map((r) => r.doc);
    });
  }

  async nextTimerDue(): Promise<string | undefined> {
    return this.guard(async () => {
      const { rows } = await sql<{ due_at: string }>`
        SELECT due_at FROM timers WHERE NOT failed ORDER BY due_at, key LIMIT 1`.execute(this.db);
      return rows[0]?.due_at;
    });
  }

  onTimersChanged(listener: () => void): () => void {
    this.timerListeners.add(listener);
    return () => this.timerListeners.delete(listener);
  }

  async commit(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    const timers = await this.guard(async () => {
      let lookUpAppends = false;
      for (let attempt = 1; ; attempt++) {
        try {
          return await this.inTransaction((link) =>
            commitBatch(link, ops, this.jobsSchema, lookUpAppends),
          );
        } catch (thrown) {
          const e = failedInsert(thrown, lookUpAppends) ?? thrown;
          if (e instanceof AppendMetKeyError && !lookUpAppends) {
            lookUpAppends = true;
            continue;
          }
          const again = e instanceof RaceLostError || RETRYABLE.has(codeOf(e) ?? '');
          if (!again || attempt >= MAX_ATTEMPTS) throw e;
        }
      }
    });
    if (timers) for (const listener of this.timerListeners) listener();
  }

  /**
   * Runs a batch on one client of the pool; whatever it throws, the transaction it may
   * have begun is rolled back (a client that cannot roll back is dropped).
   */
  private async inTransaction<T>(work: (link: BatchLink) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const link: BatchLink = {
      compile: (q) => inlineSql(q.compile(this.db)),
      run: async (statements) => {
        // Without parameters `pg` uses the simple protocol: one result per statement.
        const result = (await client.query(statements.join(';\n'))) as unknown as
          pg.QueryResult | pg.QueryResult[];
        return (Array.isArray(result) ? result : [result]).map((r) => r.rows);
      },
    };
    try {
      const out = await work(link);
      client.release();
      return out;
    } catch (e) {
      try {
        await client.query('ROLLBACK');
        client.release();
      } catch (lost) {
        client.release(lost instanceof Error ? lost : true);
      }
      throw e;
    }
  }

  async close(): Promise<void> {
    // Closing twice is allowed, as Kysely's destroy allows it (pg's own pool throws).
    this.locksClosed ??= this.locks.end();
    await this.locksClosed;
    await this.db.destroy();
  }
}

/** Rows in the order of their tuples (an UPDATE ... RETURNING has none of its own). */
function sortBy<T>(rows: readonly T[], tuple: (row: T) => readonly string[]): T[] {
  return [...rows].sort((a, b) => {
    const x = tuple(a);
    const y = tuple(b);
    for (let i = 0; i < x.length; i++) {
      const p = x[i] as string;
      const q = y[i] as string;
      if (p !== q) return p < q ? -1 : 1;
    }
    return 0;
  });
}
