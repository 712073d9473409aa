import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import { createApp } from '../runtime/app/create-app.js';
import { LowdbStore } from '../runtime/store/lowdb-store.js';
import type { RecordDoc } from '../runtime/domain/record.js';
import type { WriteOp } from '../runtime/domain/write-op.js';

const MS = 2500;
const WARM_MS = 1000;
const model = {
  schemaVersion: 1,
  id: 'bench',
  name: 'Bench',
  entities: {},
  pipelines: [
    {
      key: 'flow',
      name: 'Flow',
      entity: 'deal',
      stages: ['a', 'b'].map((key) => ({
        key,
        name: key,
        kind: 'in_progress',
        robots: [],
        triggers: [],
      })),
    },
  ],
};

function listen(app: express.Express): Promise<{ server: Server; url: string }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}` });
    });
  });
}

function seedRecords(n: number): RecordDoc[] {
  const now = new Date().toISOString();
  return Array.from({ length: n }, (_, i) => ({
    id: `deal_${i}`,
    entity: 'deal' as const,
    model: 'bench',
    pipeline: 'flow',
    stage: 'a',
    fields: { title: `Deal ${i}`, amount: i },
    links: [],
    createdAt: now,
    updatedAt: now,
    stageEnteredAt: now,
  }));
}

/** `clients` loops, each moving its own records a <-> b, for MS milliseconds. */
async function drive(
  url: string,
  clients: number,
  count: number,
  path: (id: string) => string,
  where: Map<string, string>,
): Promise<number> {
  let done = 0;
  // A warm-up (JIT, first slice files, first checkpoint) that is not counted.
  const start = performance.now() + WARM_MS;
  const end = start + MS;
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = c; performance.now() < end; i += clients) {
        const id = `deal_${i % count}`;
        const stage = where.get(id) === 'b' ? 'a' : 'b';
        const res = await fetch(url + path(id), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ stage }),
        });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`move answered ${res.status}`);
        where.set(id, stage);
        if (performance.now() >= start) done++;
      }
    }),
  );
  return (done / MS) * 1000;
}

/** `fsync: false` is the baseline that shows what syncing the journal per round costs. */
async function ours(count: number, clients: number[], fsync: boolean): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-bench-'));
  const store = await LowdbStore.open(dir, { fsync });
  const conveyor = await createApp({ store, designerDir: join(dir, 'none') });
  await conveyor.models.create(model);
  await conveyor.models.publish('bench');
  const ops: WriteOp[] = seedRecords(count).map((r) => ({
    op: 'put',
    collection: 'records',
    key: r.id,
    value: r,
  }));
  await store.commit(ops);
  const { server, url } = await listen(conveyor.app);
  const out = [];
  const where = new Map<string, string>();
  for (const c of clients)
    out.push(await drive(url, c, count, (id) => `/api/records/deals/${id}/move`, where));
  await new Promise((r) => server.close(r));
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return out;
}

/** The baseline: one lowdb file holding everything, `db.write()` per request. */
async function naive(count: number, clients: number[]): Promise<number[]> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-naive-'));
  const db = new Low<{ records: Record<string, RecordDoc>; timeline: unknown[] }>(
    new JSONFile(join(dir, 'db.json')),
    { records: {}, timeline: [] },
  );
  for (const r of seedRecords(count)) db.data.records[r.id] = r;
  await db.write();
  const app = express();
  app.use(express.json());
  app.post('/move/:id', async (req, res) => {
    const r = db.data.records[req.params.id];
    if (r === undefined) return void res.status(404).end();
    r.stage = (req.body as { stage: string }).stage;
    db.data.timeline.push({ recordId: r.id, stage: r.stage, at: new Date().toISOString() });
    await db.write();
    res.json(r);
  });
  const { server, url } = await listen(app);
  const out = [];
  const where = new Map<string, string>();
  for (const c of clients) out.push(await drive(url, c, count, (id) => `/move/${id}`, where));
  await new Promise((r) => server.close(r));
  await rm(dir, { recursive: true, force: true });
  return out;
}

/** Stage moves per second over HTTP on the lowdb store, beside a naive lowdb baseline. */
export async function benchHttp(): Promise<void> {
  console.log(
    `http: stage moves/s through POST /api/records/deals/:id/move (${MS / 1000} s each after ${WARM_MS / 1000} s of warm-up; answered after the batch is appended to the journal and synced; "no fsync" is the same store with syncing off, the cost of surviving power loss; naive lowdb rewrites one file per request without syncing)`,
  );
  const clients = [1, 16];
  for (const count of [1000, 50_000]) {
    const synced = await ours(count, clients, true);
    const unsynced = await ours(count, clients, false);
    const n = await naive(count, clients);
    clients.forEach((c, i) => {
      console.log(
        `  ${String(count).padStart(6)} records, ${String(c).padStart(2)} clients: conveyor ${synced[i]?.toFixed(0).padStart(6)}/s   no fsync ${unsynced[i]?.toFixed(0).padStart(6)}/s   naive lowdb ${n[i]?.toFixed(0).padStart(6)}/s`,
      );
    });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchHttp();
