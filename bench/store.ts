import { fork, type ChildProcess } from 'node:child_process';
import { cp, rm } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FLOW_STAGES, USERS } from './store/bench-model.js';
import { dataSet, type DataSet } from './store/data-set.js';
import type { ServeMessage } from './store/serve.js';

const RECORDS = Number(process.env.BENCH_STORE_RECORDS ?? 10_000);
const SECONDS = Number(process.env.BENCH_STORE_SECONDS ?? 15);
const WARM_SECONDS = 3;
const CLIENTS = 16;
/** Timers due during the measured window (their lateness is measured). */
const MEASURED_TIMERS = 200;
const here = dirname(fileURLToPath(import.meta.url));
/** `new` or `baseline` measures one store only (while iterating; the figures that count compare both). */
const ONLY = process.env.BENCH_STORE_ONLY;
/** A folder: each server writes a CPU profile there (`--cpu-prof`) and is stopped cleanly instead of killed. */
const CPU_PROF = process.env.BENCH_STORE_CPU_PROF;

type Kind = 'baseline' | 'new';

interface Figures {
  movesPerSecond: number;
  moveP99: number;
  pageP99: number;
  pageRows: number;
  restartOpenMs: number;
  restartReadyMs: number;
  restartWallMs: number;
  /** From spawning the restarted server to its answer to a move (the audit log may still load after `ready`). */
  restartFirstMoveMs: number;
  /** From spawning the restarted server to its answer to an audit page (the whole store in memory). */
  restartLoadedMs: number;
  latenessP99: number;
  fired: number;
  rssMb: number;
  eldP99: number;
  eldMax: number;
  /** The server process's CPU time (user + system) in the window per move: independent of load. */
  cpuMsPerMove: number;
  connectionErrors: number;
}

/** The column of a store left out (`BENCH_STORE_ONLY`). */
const notMeasured = (): Figures => ({
  movesPerSecond: NaN,
  moveP99: NaN,
  pageP99: NaN,
  pageRows: NaN,
  restartOpenMs: NaN,
  restartReadyMs: NaN,
  restartWallMs: NaN,
  restartFirstMoveMs: NaN,
  restartLoadedMs: NaN,
  latenessP99: NaN,
  fired: NaN,
  rssMb: NaN,
  eldP99: NaN,
  eldMax: NaN,
  cpuMsPerMove: NaN,
  connectionErrors: NaN,
});

const p = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
};

function serve(
  kind: Kind,
  dir: string,
): { child: ChildProcess; next: () => Promise<ServeMessage> } {
  const child = fork(join(here, 'store', 'serve.ts'), [kind, dir], {
    // A larger heap for both: main's store keeps every timeline entry in memory.
    execArgv: [
      '--import',
      'tsx',
      '--max-old-space-size=8192',
      ...(CPU_PROF === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`]),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const inbox: ServeMessage[] = [];
  const waiting: Array<(m: ServeMessage) => void> = [];
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGKILL')
      console.error(`  the ${kind} server exited (code ${code}, signal ${signal})`);
  });
  child.on('message', (m) => {
    const w = waiting.shift();
    if (w) w(m as ServeMessage);
    else inbox.push(m as ServeMessage);
  });
  const next = () =>
    new Promise<ServeMessage>((resolve, reject) => {
      const m = inbox.shift();
      if (m !== undefined) return resolve(m);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
  return { child, next };
}

/** Kills the server (a crash); when profiling, disconnects instead so it exits and writes its profile. */
async function stop(s: ReturnType<typeof serve>): Promise<void> {
  const exited = new Promise((r) => s.child.once('exit', r));
  if (CPU_PROF === undefined) s.child.kill('SIGKILL');
  else s.child.disconnect();
  await exited;
}

async function stats(
  s: ReturnType<typeof serve>,
): Promise<Extract<ServeMessage, { kind: 'stats' }>> {
  s.child.send('stats');
  const m = await s.next();
  if (m.kind !== 'stats') throw new Error('expected stats');
  return m;
}

/** The server's owner token headers (from its `ready` message). */
let auth: Record<string, string> = {};

/** Requests that failed at the connection (the server closed it, or died): counted, not fatal. */
let connectionErrors = 0;

async function call(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await callOnce(url, method, body);
    } catch (e) {
      if (!(e instanceof TypeError) || attempt >= 3) throw e;
      connectionErrors++;
    }
  }
}

async function callOnce(
  url: string,
  method: string,
  body?: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await fetch(url, {
    method,
    headers: body === undefined ? auth : { ...auth, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? undefined : JSON.parse(text) };
}

/** List answers are arrays today and `{ items }` pages once lists are paged. */
const itemsOf = (json: unknown): unknown[] =>
  Array.isArray(json) ? json : ((json as { items?: unknown[] }).items ?? []);

async function measure(kind: Kind, set: DataSet): Promise<Figures> {
  const work = join(dirname(set.dirs.new), `run-${kind}`);
  await rm(work, { recursive: true, force: true });
  await cp(set.dirs[kind], work, { recursive: true });
  connectionErrors = 0;
  let s = serve(kind, work);
  const ready = await s.next();
  if (ready.kind !== 'ready') throw new Error('expected ready');
  auth = ready.auth;
  const url = `http://127.0.0.1:${ready.port}`;
  // The window starts with the whole store in memory: an audit page waits for the audit
  // log, which a big store reads after it starts answering.
  if ((await call(`${url}/api/audit?limit=1`, 'GET')).status !== 200)
    throw new Error('the audit log did not answer');

  // Timers due during the measured window, one after another.
  const windowStart = Date.now() + WARM_SECONDS * 1000 + 1000;
  const timed = await Promise.all(
    Array.from({ length: MEASURED_TIMERS }, async (_, i) => {
      const due = windowStart + ((SECONDS - 3) * 1000 * i) / MEASURED_TIMERS;
      const r = await call(`${url}/api/records/deals`, 'POST', {
        model: 'bench-store',
        pipeline: 'timed',
        fields: { title: `Timed ${i}`, call_at: new Date(due).toISOString() },
      });
      if (r.status !== 201) throw new Error(`create answered ${r.status}`);
      return { id: (r.json as { id: string }).id, due };
    }),
  );

  const stages = set.deals.map((d) => d.stage);
  const moves: number[] = [];
  const pages: number[] = [];
  let pageRows = 0;
  let measuring = false;
  let running = true;
  const movers = Array.from({ length: CLIENTS }, async (_, c) => {
    const mine = Math.ceil((set.deals.length - c) / CLIENTS);
    while (running) {
      const i = c + CLIENTS * Math.floor(Math.random() * mine);
      const deal = set.deals[i];
      if (deal === undefined) continue;
      const stage = FLOW_STAGES[(FLOW_STAGES.indexOf(stages[i] as 'a') + 1) % 4] as string;
      const t = performance.now();
      const r = await call(`${url}/api/records/deals/${deal.id}/move`, 'POST', { stage });
      if (r.status !== 200) throw new Error(`move answered ${r.status}: ${JSON.stringify(r.json)}`);
      stages[i] = stage;
      if (measuring) moves.push(performance.now() - t);
    }
  });
  // One client reading 50-row filtered lists while the others move deals.
  const pager = (async () => {
    while (running) {
      const t = performance.now();
      const r = await call(
        `${url}/api/records/deals?responsible=u${Math.floor(Math.random() * USERS)}`,
        'GET',
      );
      if (r.status !== 200) throw new Error(`list answered ${r.status}`);
      if (measuring) {
        pages.push(performance.now() - t);
        pageRows += itemsOf(r.json).length;
      }
    }
  })();
  await new Promise((r) => setTimeout(r, WARM_SECONDS * 1000));
  await stats(s); // resets the event-loop histogram
  measuring = true;
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  measuring = false;
  const during = await stats(s);
  running = false;
  await Promise.all([...movers, pager]);

  // Lateness: the robot's timeline entry against the deal's call_at.
  const lateness: number[] = [];
  for (const t of timed) {
    const r = await call(`${url}/api/records/deals/${t.id}/timeline?limit=1000`, 'GET');
    const entries = itemsOf(r.json) as Array<{
      kind: string;
      ruleId?: string;
      outcome?: string;
      at: string;
    }>;
    // The robot's run, not its planning (`scheduled`).
    const fired = entries.find(
      (e) => e.kind === 'rule' && (e.ruleId ?? '').includes('at_call') && e.outcome !== 'scheduled',
    );
    if (fired !== undefined) lateness.push(Date.parse(fired.at) - t.due);
  }

  // Restart after a crash: the journal is replayed.
  await stop(s);
  const t0 = performance.now();
  s = serve(kind, work);
  const again = await s.next();
  const restartWallMs = performance.now() - t0;
  if (again.kind !== 'ready') throw new Error('expected ready');
  auth = again.auth;
  const first = set.deals[0] as { id: string };
  const firstStage = FLOW_STAGES[(FLOW_STAGES.indexOf(stages[0] as 'a') + 1) % 4] as string;
  const moved = await call(
    `http://127.0.0.1:${again.port}/api/records/deals/${first.id}/move`,
    'POST',
    { stage: firstStage },
  );
  if (moved.status !== 200) throw new Error(`move after restart answered ${moved.status}`);
  const restartFirstMoveMs = performance.now() - t0;
  const audit = await call(`http://127.0.0.1:${again.port}/api/audit?limit=1`, 'GET');
  if (audit.status !== 200) throw new Error(`the audit log after restart answered ${audit.status}`);
  const restartLoadedMs = performance.now() - t0;
  await stop(s);
  await rm(work, { recursive: true, force: true });
  return {
    movesPerSecond: moves.length / SECONDS,
    moveP99: p(moves, 0.99),
    pageP99: p(pages, 0.99),
    pageRows: pages.length === 0 ? 0 : pageRows / pages.length,
    restartOpenMs: again.openMs,
    restartReadyMs: again.readyMs,
    restartWallMs,
    restartFirstMoveMs,
    restartLoadedMs,
    latenessP99: p(lateness, 0.99),
    fired: lateness.length,
    rssMb: during.rssMb,
    eldP99: during.eldP99Ms,
    eldMax: during.eldMaxMs,
    cpuMsPerMove: during.cpuMs / Math.max(1, moves.length),
    connectionErrors,
  };
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
    `store: ${RECORDS.toLocaleString('en')} deals (${set.timelineEntries.toLocaleString('en')} timeline entries, ${RECORDS.toLocaleString('en')} pending timers; built through the engine in ${set.buildSeconds.toFixed(0)} s, cached), ${CLIENTS} clients moving deals for ${SECONDS} s after ${WARM_SECONDS} s of warm-up, 1 client reading ~50-row filtered lists, ${MEASURED_TIMERS} timers due during the window; load average at start ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
  const baseline = ONLY === 'new' ? notMeasured() : await measure('baseline', set);
  const ours = ONLY === 'baseline' ? notMeasured() : await measure('new', set);
  const rows: Array<[string, (f: Figures) => string, string]> = [
    ['moves/s', (f) => f.movesPerSecond.toFixed(0), '>= 1,000'],
    ['move p99 (ms)', (f) => f.moveP99.toFixed(0), '< 100'],
    [
      'filtered list p99 (ms)',
      (f) => `${f.pageP99.toFixed(1)} (${f.pageRows.toFixed(0)} rows)`,
      '< 50',
    ],
    ['restart after kill: store open (ms)', (f) => f.restartOpenMs.toFixed(0), ''],
    [
      'restart after kill: answering (ms)',
      (f) => `${f.restartReadyMs.toFixed(0)} (${f.restartWallMs.toFixed(0)} from spawn)`,
      '< 3,000',
    ],
    ['restart after kill: first move (from spawn)', (f) => f.restartFirstMoveMs.toFixed(0), ''],
    ['restart after kill: audit log read (from spawn)', (f) => f.restartLoadedMs.toFixed(0), ''],
    [
      'timer lateness p99 (ms)',
      (f) => `${f.latenessP99.toFixed(0)} (${f.fired}/${MEASURED_TIMERS} fired)`,
      '< 1,000',
    ],
    ['server CPU per move (ms)', (f) => f.cpuMsPerMove.toFixed(2), ''],
    ['RSS while moving (MB)', (f) => f.rssMb.toFixed(0), ''],
    ['requests retried (connection lost)', (f) => String(f.connectionErrors), '0'],
    [
      'event-loop delay p99 / max (ms)',
      (f) => `${f.eldP99.toFixed(0)} / ${f.eldMax.toFixed(0)}`,
      '',
    ],
  ];
  console.log(
    `  ${'figure'.padEnd(48)} ${'main (baseline)'.padStart(22)} ${'this branch'.padStart(22)}   goal at 100k`,
  );
  for (const [name, fmt, goal] of rows)
    console.log(
      `  ${name.padEnd(48)} ${fmt(baseline).padStart(22)} ${fmt(ours).padStart(22)}   ${goal}`,
    );
  console.log(
    `  load average at end ${loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')}`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchStore();
