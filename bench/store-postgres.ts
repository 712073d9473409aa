import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { redactSecrets } from '../runtime/security/redact-secrets.js';
import {
  CLIENTS,
  CPU_PROF,
  MEASURED_TIMERS,
  measureEmbedded,
  SECONDS,
  WARM_SECONDS,
} from './store.js';
import { dataSet } from './store/data-set.js';
import { figuresOf, printFigures, type Figures, type ServerSide } from './store/figures.js';
import { backendCpuMs, commitsOf } from './store/pg-backend-cpu.js';
import {
  benchDatabaseUrl,
  copyDatabase,
  dealsOf,
  dropDatabase,
  pgDataSet,
  type PgDataSet,
} from './store/pg-data-set.js';
import { ready, serve, stats, stop, type ServerProcess } from './store/server-process.js';
import { runWorkload } from './store/workload.js';

/** Data set sizes on PostgreSQL (`BENCH_PG_RECORDS`, comma-separated). */
const SIZES = (process.env.BENCH_PG_RECORDS ?? '100000,1000000').split(',').map(Number);
/** Runtime processes on one database (`BENCH_PG_PROCESSES`, comma-separated). */
const PROCESSES = (process.env.BENCH_PG_PROCESSES ?? '1,2').split(',').map(Number);
/** The embedded store's size measured beside them (`BENCH_PG_EMBEDDED`; 0 leaves it out). */
const EMBEDDED = Number(process.env.BENCH_PG_EMBEDDED ?? 100_000);
/** The database each run works on (a copy of the data set's template, dropped after). */
const RUN_DATABASE = 'conveyor_bench_pg_run';

const load = (): string =>
  loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');

/** Why the bench's PostgreSQL server cannot be used (its URL's secrets masked), if it cannot. */
async function unreachable(): Promise<string | undefined> {
  const c = new pg.Client({ connectionString: benchDatabaseUrl() });
  try {
    await c.connect();
    await c.end();
    return undefined;
  } catch (e) {
    return redactSecrets(
      `PostgreSQL at ${benchDatabaseUrl()} cannot be reached: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** PostgreSQL figures besides the shared ones: the database's work per move. */
interface DbFigures {
  commitsPerMove: number;
  /** CPU of the PostgreSQL backends serving the processes, per move (NaN if unreadable). */
  dbCpuMsPerMove: number;
}

/**
 * One PostgreSQL column on the run's database (a copy of the data set's template): `n`
 * servers (`serve.ts postgres`: the PostgreSQL store, graphile-worker's job worker,
 * the real app) started on it one after another, the workload with the 16 clients
 * spread over them, then every process killed and started again at once (the slowest
 * one's restart counts).
 */
async function measurePostgres(
  url: string,
  n: number,
): Promise<{ figures: Figures; db: DbFigures }> {
  const deals = await dealsOf(url);
  const servers: ServerProcess[] = [];
  const targets = [];
  for (let i = 0; i < n; i++) {
    const s = serve('postgres', url, CPU_PROF);
    servers.push(s);
    const r = await ready(s);
    targets.push({ url: `http://127.0.0.1:${r.port}`, auth: r.auth });
  }
  const during: Array<ServerSide['during'][number]> = [];
  let commits = 0;
  let dbCpu = 0;
  const result = await runWorkload(targets, deals, {
    seconds: SECONDS,
    warmSeconds: WARM_SECONDS,
    clients: CLIENTS,
    timers: MEASURED_TIMERS,
    window: {
      open: async () => {
        for (const s of servers) await stats(s); // resets the event-loop histograms
        commits = await commitsOf(benchDatabaseUrl(), RUN_DATABASE);
        dbCpu = (await backendCpuMs(benchDatabaseUrl(), RUN_DATABASE)) ?? NaN;
      },
      close: async () => {
        for (const s of servers) during.push(await stats(s));
        commits = (await commitsOf(benchDatabaseUrl(), RUN_DATABASE)) - commits;
        dbCpu = ((await backendCpuMs(benchDatabaseUrl(), RUN_DATABASE)) ?? NaN) - dbCpu;
      },
    },
  });
  for (const s of servers) await stop(s, CPU_PROF !== undefined);
  const t0 = performance.now();
  const again = await Promise.all(
    servers.map(async () => {
      const s = serve('postgres', url);
      const r = await ready(s);
      return { s, r, wallMs: performance.now() - t0 };
    }),
  );
  for (const { s } of again) await stop(s, false);
  const slowest = again.reduce((a, b) => (b.wallMs > a.wallMs ? b : a));
  const moves = Math.max(1, result.moves.length);
  return {
    figures: figuresOf(result, SECONDS, {
      during,
      restart: { openMs: slowest.r.openMs, readyMs: slowest.r.readyMs, wallMs: slowest.wallMs },
    }),
    db: { commitsPerMove: commits / moves, dbCpuMsPerMove: dbCpu / moves },
  };
}

/**
 * `npm run bench -- store-postgres`: the store bench's workload (`bench/store/`) on
 * PostgreSQL (`BENCH_DATABASE_URL`, default the local server's `postgres` database) at
 * 100,000 and 1,000,000 deals with 1 and 2 runtime processes, beside the embedded store
 * at 100,000 measured in the same run. Data sets are template databases built once
 * (`bench/store/pg-data-set.ts`).
 */
export async function benchStorePostgres(): Promise<void> {
  const log = (l: string): void => console.log(l);
  const down = await unreachable();
  if (down !== undefined) {
    // `npm run bench` goes on with the other suites on a machine without PostgreSQL.
    console.log(`store-postgres: skipped: ${down} (set BENCH_DATABASE_URL)`);
    return;
  }
  const columns: Array<{ name: string; figures: Figures }> = [];
  const db: Array<{ name: string; figures: DbFigures }> = [];
  const sets: PgDataSet[] = [];
  for (const size of SIZES) sets.push(await pgDataSet(size, log));
  const embedded = EMBEDDED > 0 ? await dataSet(EMBEDDED, log) : undefined;
  console.log(
    `store-postgres: ${CLIENTS} clients moving deals for ${SECONDS} s after ${WARM_SECONDS} s of warm-up, 1 client reading 50-row filtered pages, ${MEASURED_TIMERS} timers due during the window; load average at start ${load()}`,
  );
  for (const set of sets) console.log(`  ${set.template}: ${set.how}`);
  if (embedded !== undefined) {
    const t = performance.now();
    columns.push({
      name: `embedded ${(EMBEDDED / 1000).toFixed(0)}k`,
      figures: await measureEmbedded('new', embedded),
    });
    console.log(
      `  measured embedded ${EMBEDDED}: ${((performance.now() - t) / 1000).toFixed(0)} s, load ${load()}`,
    );
  }
  for (const set of sets) {
    // One copy per data set, used by each process count in turn (the deals are read again).
    let t = performance.now();
    const url = await copyDatabase(set.template, RUN_DATABASE);
    console.log(
      `  copied ${set.template}: ${((performance.now() - t) / 1000).toFixed(0)} s, load ${load()}`,
    );
    for (const n of PROCESSES) {
      t = performance.now();
      const name = `pg ${set.records >= 1e6 ? `${set.records / 1e6}M` : `${set.records / 1000}k`} x${n}`;
      const m = await measurePostgres(url, n);
      columns.push({ name, figures: m.figures });
      db.push({ name, figures: m.db });
      console.log(
        `  measured ${name}: ${((performance.now() - t) / 1000).toFixed(0)} s, load ${load()}`,
      );
    }
    await dropDatabase(RUN_DATABASE);
  }
  printFigures(
    columns,
    MEASURED_TIMERS,
    'goal (PostgreSQL at 1M)',
    {
      'restart after kill: answering (ms)': '< 2,000',
      'RSS while moving (MB, per process)': '< 300, same at 100k and 1M',
    },
    18,
  );
  const w = 18;
  console.log(
    `  ${'database transactions per move'.padEnd(40)} ${' '.repeat((w + 1) * (columns.length - db.length))}${db.map((d) => d.figures.commitsPerMove.toFixed(2).padStart(w)).join(' ')}`,
  );
  console.log(
    `  ${'PostgreSQL backends CPU per move (ms)'.padEnd(40)} ${' '.repeat((w + 1) * (columns.length - db.length))}${db.map((d) => d.figures.dbCpuMsPerMove.toFixed(2).padStart(w)).join(' ')}`,
  );
  console.log(`  load average at end ${load()}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchStorePostgres();
