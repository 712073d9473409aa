import pg from 'pg';
import { createApp } from '../../runtime/app/create-app.js';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import { buildDeals } from './build-deals.js';
import { replicateDeals } from './pg-replicate.js';

/** Bumped whenever the data set or the store's tables change: older templates are rebuilt. */
const FORMAT = 1;
/**
 * The largest data set built through the engine (`BENCH_PG_ENGINE_RECORDS`, default
 * 100,000); larger ones are copies of it (`pg-replicate.ts`).
 */
export const ENGINE_BUILT_MAX = Number(process.env.BENCH_PG_ENGINE_RECORDS ?? 100_000);
/** Marks a template as complete (written last, as the database's comment). */
const COMPLETE = `conveyor bench data set v${FORMAT} complete`;

/** The server holding the bench's databases (`BENCH_DATABASE_URL`). */
export const benchDatabaseUrl = (): string =>
  process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** The URL of another database on the same server. */
export function urlOf(database: string): string {
  const u = new URL(benchDatabaseUrl());
  u.pathname = `/${database}`;
  return u.toString();
}

/** The template database of a data set of `records` deals. */
export const templateOf = (records: number): string =>
  records <= ENGINE_BUILT_MAX
    ? `conveyor_bench_pg_v${FORMAT}_${records}`
    : `conveyor_bench_pg_v${FORMAT}_${records}_from_${ENGINE_BUILT_MAX}`;

/** Runs statements on the server's maintenance database (`BENCH_DATABASE_URL`). */
async function admin<T>(work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: benchDatabaseUrl() });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
}

const ident = (name: string): string => {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`not a database name: ${name}`);
  return `"${name}"`;
};

/** A fresh database copied from `template` (a file copy: seconds even at 1,000,000 deals). */
export async function copyDatabase(template: string, database: string): Promise<string> {
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`);
    await c.query(
      `CREATE DATABASE ${ident(database)} TEMPLATE ${ident(template)} STRATEGY FILE_COPY`,
    );
  });
  return urlOf(database);
}

export async function dropDatabase(database: string): Promise<void> {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${ident(database)} WITH (FORCE)`));
}

/** The deals the clients move, in creation order (read from the database). */
export async function dealsOf(url: string): Promise<Array<{ id: string; stage: string }>> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ id: string; stage: string }>(
      `SELECT key AS id, stage FROM conveyor.records WHERE pipeline = 'flow' ORDER BY created_at, key`,
    );
    return rows;
  } finally {
    await c.end();
  }
}

export interface PgDataSet {
  records: number;
  /** The template database each run copies. */
  template: string;
  /** How it was made, for the report. */
  how: string;
}

/**
 * The PostgreSQL bench's data set of `records` deals as a template database on the
 * bench's server, built once and reused (its comment marks it complete). Up to
 * `ENGINE_BUILT_MAX` deals it is built through the engine in-process on the PostgreSQL
 * store (the same deals and history as the embedded bench: `build-deals.ts`; timers
 * planned as graphile-worker jobs, `synchronous_commit` off while building); larger
 * sets are that one copied with new ids by SQL (`pg-replicate.ts`).
 */
export async function pgDataSet(records: number, log: (line: string) => void): Promise<PgDataSet> {
  const template = templateOf(records);
  const done = await admin(async (c) => {
    const { rows } = await c.query<{ comment: string | null }>(
      `SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1`,
      [template],
    );
    return rows[0]?.comment ?? undefined;
  });
  if (done?.startsWith(COMPLETE) === true)
    return { records, template, how: done.slice(COMPLETE.length + 2) };
  const building = `${template}_building`;
  const started = performance.now();
  let how: string;
  if (records <= ENGINE_BUILT_MAX) {
    await admin(async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${ident(building)} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${ident(building)}`);
      // A crash while building only loses the half-built copy: no need to wait for WAL flushes.
      await c.query(`ALTER DATABASE ${ident(building)} SET synchronous_commit = off`);
    });
    const store = await PostgresStore.open({
      connectionString: urlOf(building),
      jobs: true,
      poolSize: 32,
    });
    const conveyor = await createApp({ store, designerDir: 'none' });
    await buildDeals(conveyor, records, log);
    await conveyor.scheduler.stop();
    await store.close();
    how = `built through the engine in ${((performance.now() - started) / 1000).toFixed(0)} s`;
  } else {
    if (records % ENGINE_BUILT_MAX !== 0)
      throw new Error(`a data set above ${ENGINE_BUILT_MAX} deals must be a multiple of it`);
    const base = await pgDataSet(ENGINE_BUILT_MAX, log);
    log(`  copying ${base.template} into ${building}`);
    await copyDatabase(base.template, building);
    await replicateDeals(urlOf(building), records / ENGINE_BUILT_MAX, log);
    how = `${ENGINE_BUILT_MAX.toLocaleString('en')} deals ${base.how}, copied ${records / ENGINE_BUILT_MAX} times with new ids by SQL in ${((performance.now() - started) / 1000).toFixed(0)} s`;
  }
  await admin(async (c) => {
    await c.query(`ALTER DATABASE ${ident(building)} RESET synchronous_commit`);
    await c.query(`DROP DATABASE IF EXISTS ${ident(template)} WITH (FORCE)`);
    await c.query(`ALTER DATABASE ${ident(building)} RENAME TO ${ident(template)}`);
    await c.query(`COMMENT ON DATABASE ${ident(template)} IS '${COMPLETE}: ${how}'`);
  });
  return { records, template, how };
}
