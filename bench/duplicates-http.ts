import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createApp } from '../runtime/app/create-app.js';
import { LowdbStore } from '../runtime/store/lowdb-store.js';
import type { RecordDoc } from '../runtime/domain/record.js';
import type { WriteOp } from '../runtime/domain/write-op.js';

/*
 * The real path: POST /api/records/leads over HTTP into lowdb files with 50,000 records
 * present, one request at a time, with and without duplicate control (same run), then
 * one import of 1,000 rows under duplicate control.
 */

const MS = 2500;
const RECORDS = 50_000;

function model(withControl: boolean) {
  const stage = (key: string, triggers: unknown[] = []) => ({
    key,
    name: key,
    kind: key === 'junk' ? 'failure' : 'in_progress',
    robots: [],
    triggers,
  });
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Bench',
    entities: withControl
      ? {
          lead: {
            fields: [],
            duplicates: { fields: ['phone', 'email'], against: ['lead', 'contact'] },
          },
        }
      : {},
    pipelines: [
      {
        key: 'leads',
        name: 'Leads',
        entity: 'lead',
        stages: [stage('new'), stage('junk', [{ id: 'dupe', type: 'duplicate_found' }])],
      },
    ],
  };
}

function existing(): WriteOp[] {
  const at = new Date(0).toISOString();
  return Array.from({ length: RECORDS }, (_, i): WriteOp => {
    const value: RecordDoc = {
      id: `old_${i}`,
      entity: i % 2 === 0 ? 'lead' : 'contact',
      fields: { phone: `+7 900 ${String(i).padStart(7, '0')}`, email: `u${i}@example.com` },
      links: [],
      createdAt: at,
      updatedAt: at,
    };
    return { op: 'put', collection: 'records', key: value.id, value };
  });
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))] ?? 0;

async function post(url: string, path: string, body: unknown): Promise<unknown> {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return res.json();
}

async function run(withControl: boolean): Promise<{ times: number[]; importMs?: number }> {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-bench-dupes-'));
  const store = await LowdbStore.open(dir);
  await store.commit(existing());
  const conveyor = await createApp({ store, designerDir: join(dir, 'none') });
  await conveyor.models.create(model(withControl));
  await conveyor.models.publish('bench');
  const server: Server = await new Promise((r) => {
    const s = conveyor.app.listen(0, '127.0.0.1', () => r(s));
  });
  const a = server.address();
  const url = `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`;
  const create = (n: number) =>
    post(url, '/api/records/leads', {
      model: 'bench',
      fields: { phone: `+7 800 ${String(n).padStart(7, '0')}`, email: `new${n}@example.com` },
    });
  await create(0); // warm-up; with control it builds the value index
  const times: number[] = [];
  const end = performance.now() + MS;
  for (let n = 1; performance.now() < end; n++) {
    const t = performance.now();
    await create(n);
    times.push(performance.now() - t);
  }
  let importMs: number | undefined;
  if (withControl) {
    const records = Array.from({ length: 1000 }, (_, i) => ({
      fields: { phone: `+7 700 ${String(i % 900).padStart(7, '0')}`, title: `Row ${i}` },
    }));
    const t = performance.now();
    await post(url, '/api/records/leads/import', { model: 'bench', onDuplicate: 'skip', records });
    importMs = performance.now() - t;
  }
  await new Promise<void>((r) => server.close(() => r()));
  await conveyor.scheduler.stop();
  await store.close();
  await rm(dir, { recursive: true, force: true });
  return { times, ...(importMs === undefined ? {} : { importMs }) };
}

export async function benchDuplicatesHttp(): Promise<void> {
  console.log(
    `duplicates over HTTP: POST /api/records/leads into lowdb, ${RECORDS} records present (alternating, so load drifts hit both)`,
  );
  let importMs: number | undefined;
  for (const withControl of [false, true, false, true]) {
    const r = await run(withControl);
    importMs = r.importMs ?? importMs;
    const name = withControl ? 'with control' : 'no control';
    console.log(
      `  ${name.padEnd(12)}: median ${pct(r.times, 0.5).toFixed(2)} ms, p95 ${pct(r.times, 0.95).toFixed(2)} ms (${r.times.length} creates)`,
    );
  }
  console.log(
    `  import of 1,000 rows (100 in-file duplicates, skip): ${importMs?.toFixed(0) ?? '?'} ms`,
  );
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDuplicatesHttp();
