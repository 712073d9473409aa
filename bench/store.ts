import { cp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { dataSet, type DataSet } from './store/data-set.js';
import {
  figuresOf,
  notMeasured,
  printFigures,
  type Figures,
  type ServerSide,
} from './store/figures.js';
import { awaitAuditLog, probeRestart } from './store/restart-probe.js';
import { ready, serve, stats, stop } from './store/server-process.js';
import { runWorkload } from './store/workload.js';

const RECORDS = Number(process.env.BENCH_STORE_RECORDS ?? 10_000);
export const SECONDS = Number(process.env.BENCH_STORE_SECONDS ?? 15);
export const WARM_SECONDS = 3;
export const CLIENTS = 16;
/** Timers due during the measured window (their lateness is measured). */
export const MEASURED_TIMERS = 200;
/** `new` or `baseline` measures one store only (while iterating; the figures that count compare both). */
const ONLY = process.env.BENCH_STORE_ONLY;
/** A folder: each server writes a CPU profile there (`--cpu-prof`) and is stopped cleanly instead of killed. */
export const CPU_PROF = process.env.BENCH_STORE_CPU_PROF;

type Kind = 'baseline' | 'new';

/**
 * One embedded store's column: its folder copied, served by `serve.ts` in its own
 * process, the workload (`store/workload.ts`), then a kill and a restart on the folder
 * (restart after a crash: the journal is replayed).
 */
export async function measureEmbedded(kind: Kind, set: DataSet): Promise<Figures> {
  const work = join(dirname(set.dirs.new), `run-${kind}`);
  await rm(work, { recursive: true, force: true });
  await cp(set.dirs[kind], work, { recursive: true });
  let s = serve(kind, work, CPU_PROF);
  const first = await ready(s);
  const target = { url: `http://127.0.0.1:${first.port}`, auth: first.auth };
  // The window starts with the whole store in memory (see awaitAuditLog).
  await awaitAuditLog(target);
  const during: Array<ServerSide['during'][number]> = [];
  const result = await runWorkload([target], set.deals, {
    seconds: SECONDS,
    warmSeconds: WARM_SECONDS,
    clients: CLIENTS,
    timers: MEASURED_TIMERS,
    window: {
      open: async () => void (await stats(s)), // resets the event-loop histogram
      close: async () => void during.push(await stats(s)),
    },
  });
  await stop(s, CPU_PROF !== undefined);
  const t0 = performance.now();
  s = serve(kind, work, CPU_PROF);
  const again = await ready(s);
  const wallMs = performance.now() - t0;
  const probe = await probeRestart(
    { url: `http://127.0.0.1:${again.port}`, auth: again.auth },
    (set.deals[0] as { id: string }).id,
    t0,
  );
  await stop(s, CPU_PROF !== undefined);
  await rm(work, { recursive: true, force: true });
  return figuresOf(result, SECONDS, {
    during,
    restart: { openMs: again.openMs, readyMs: again.readyMs, wallMs, ...probe },
  });
}

/**
 * `npm run bench -- store`: the embedded store with deals that have a history, built
 * through the engine, under 16 HTTP clients moving deals against the real server in
 * its own process, beside main's store (`bench/baseline/`) measured in the same run.
 * `BENCH_STORE_RECORDS=100000` for the size (default 10,000);
 * `BENCH_STORE_SECONDS` for the measured window (default 15).
 */
export async function benchStore(): Promise<void> {
  const set = await dataSet(RECORDS, (l) => console.log(l));
  console.log(
    `store: ${RECORDS.toLocaleString('en')} deals (${set.timelineEntries.toLocaleString('en')} timeline entries, ${RECORDS.toLocaleString('en')} pending timers; built through the engine in ${set.buildSeconds.toFixed(0)} s, cached), ${CLIENTS} clients moving deals for ${SECONDS} s after ${WARM_SECONDS} s of warm-up, 1 client reading 50-row filtered pages, ${MEASURED_TIMERS} timers due during the window; load average at start ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const baseline = ONLY === 'new' ? notMeasured() : await measureEmbedded('baseline', set);
  const ours = ONLY === 'baseline' ? notMeasured() : await measureEmbedded('new', set);
  printFigures(
    [
      { name: 'main (baseline)', figures: baseline },
      { name: 'this branch', figures: ours },
    ],
    MEASURED_TIMERS,
    'goal at 100k',
  );
  console.log(
    `  load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchStore();
