import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../runtime/app/create-app.js';
import { Scheduler } from '../runtime/scheduler/scheduler.js';
import { LowdbStore } from '../runtime/store/lowdb-store.js';
import type { TimerDoc } from '../runtime/domain/timer.js';
import type { WriteOp } from '../runtime/domain/write-op.js';

/** Timers measured per run: due one after another over `SPREAD_MS`, starting `LEAD_MS` ahead. */
const MEASURED = 500;
const LEAD_MS = 3000;
const SPREAD_MS = 2000;
const DAY = 86_400_000;

/** One robot: at `call_at`, add 1 to `fires` (a field write, a timeline entry, an effect key). */
const model = {
  schemaVersion: 1,
  id: 'bench-timers',
  name: 'Bench timers',
  entities: {
    deal: {
      fields: [
        { key: 'fires', label: 'Fires', type: 'number' },
        { key: 'call_at', label: 'Call at', type: 'datetime' },
      ],
    },
  },
  pipelines: [
    {
      key: 'flow',
      name: 'Flow',
      entity: 'deal',
      stages: [
        {
          key: 'waiting',
          name: 'Waiting',
          kind: 'in_progress',
          robots: [
            {
              id: 'at_call',
              timing: {
                kind: 'relative_to_field',
                field: 'call_at',
                direction: 'after',
                offset: { value: 0, unit: 'minutes' },
              },
              action: {
                type: 'update_fields',
                set: [{ field: 'fires', value: { '+': [{ var: ['fires', 0] }, 1] } }],
              },
            },
          ],
          triggers: [],
        },
      ],
    },
  ],
};

interface Spread {
  p50: number;
  p99: number;
  max: number;
}

function spread(ms: number[]): Spread {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { p50: at(0.5), p99: at(0.99), max: s[s.length - 1] ?? NaN };
}

/** Far-future timers that only sit in the store (their records need not exist). */
function filler(n: number, now: number): WriteOp[] {
  return Array.from({ length: n }, (_, i): WriteOp => {
    const t: TimerDoc = {
      id: `tmr_fill_${i}`,
      dueAt: new Date(now + DAY + i * 1000).toISOString(),
      ruleId: 'robot:at_call',
      recordId: `deal_fill_${i}`,
      entity: 'deal',
      modelId: 'bench-timers',
      version: 1,
      pipeline: 'flow',
      stage: 'waiting',
      eventId: `evt_fill_${i}`,
      idempotencyKey: `robot:at_call|deal_fill_${i}|evt_fill_${i}`,
      onLeaveStage: 'cancel',
    };
    return { op: 'put', collection: 'timers', key: t.id, value: t };
  });
}

/** Conveyor: lowdb store with `pending` timers, the scheduler firing `MEASURED` real ones. */
async function ours(pending: number): Promise<Spread> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-bench-timers-'));
  const store = await LowdbStore.open(dir);
  const conveyor = await createApp({ store, designerDir: join(dir, 'none') });
  await conveyor.models.create(model);
  await conveyor.models.publish('bench-timers');
  await store.commit(filler(pending, Date.now()));
  const start = Date.now() + LEAD_MS;
  await Promise.all(
    Array.from({ length: MEASURED }, (_, i) =>
      conveyor.records.create('deal', {
        pipeline: 'flow',
        fields: {
          title: `t${i}`,
          call_at: new Date(start + (i * SPREAD_MS) / MEASURED).toISOString(),
        },
      }),
    ),
  );
  await store.checkpoint(); // the bulk of the setup on file: measure the steady state
  if (Date.now() >= start) throw new Error('setting up took longer than the lead time');
  const late: number[] = [];
  let done: () => void = () => undefined;
  const finished = new Promise<void>((r) => (done = r));
  const scheduler = new Scheduler(conveyor.core, {
    onFired: (_t, ms) => {
      late.push(ms);
      if (late.length === MEASURED) done();
    },
  });
  // The scheduler's alarms are unref'd (a server's socket keeps it alive); here, this does.
  const alive = setInterval(() => undefined, 1000);
  scheduler.start();
  await finished;
  clearInterval(alive);
  await scheduler.stop();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return spread(late);
}

/** The baseline: bare `setTimeout` for the same due times, beside as many idle ones. */
async function bare(pending: number): Promise<Spread> {
  const idle = Array.from({ length: pending }, () => setTimeout(() => undefined, DAY));
  const start = Date.now() + LEAD_MS;
  const late: number[] = [];
  await Promise.all(
    Array.from({ length: MEASURED }, (_, i) => {
      const due = start + (i * SPREAD_MS) / MEASURED;
      return new Promise<void>((r) =>
        setTimeout(() => {
          late.push(Date.now() - due);
          r();
        }, due - Date.now()),
      );
    }),
  );
  for (const t of idle) clearTimeout(t);
  return spread(late);
}

const fmt = (s: Spread) =>
  `${[s.p50, s.p99, s.max].map((x) => x.toFixed(0).padStart(4)).join(' / ')} ms`;

/** How late timers fire (due time to their batch on disk) as pending timers grow. */
export async function benchTimers(): Promise<void> {
  console.log(
    `timers: lateness p50 / p99 / max, from due time to the timer's batch on disk (lowdb; ${MEASURED} timers due over ${SPREAD_MS / 1000} s)`,
  );
  for (const pending of [10_000, 100_000]) {
    const o = await ours(pending);
    const b = await bare(pending);
    console.log(
      `  ${String(pending).padStart(7)} pending: conveyor ${fmt(o)}   bare setTimeout ${fmt(b)}`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchTimers();
