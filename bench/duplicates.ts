import { pathToFileURL } from 'node:url';
import { compileModel, normalizeMatchValue, type AutomationModel } from '../schemas/index.js';
import { Engine } from '../runtime/engine/engine.js';
import { createIdGenerator, outboxToStore, systemClock } from '../runtime/engine/ports.js';
import { Tx } from '../runtime/engine/tx.js';
import { createCheckedRecord } from '../runtime/services/create-checked-record.js';
import { MemoryStore } from '../runtime/store/memory-store.js';
import type { RecordDoc } from '../runtime/domain/record.js';
import type { WriteOp } from '../runtime/domain/write-op.js';

/*
 * Creates per second through the engine (memory store, no disk) with many records
 * present: without duplicate control (the baseline), with it answered by the store's
 * value index, and with it answered by a scan of every record (what the index saves).
 */

/** The naive lookup: read every record of the entity and normalise its value. */
class ScanningStore extends MemoryStore {
  override async findRecordsByValue(entity: string, field: string, key: string) {
    const all = this.snapshot('records').filter((r) => r.entity === entity);
    return all.filter((r) => normalizeMatchValue(field, r.fields[field]).includes(key));
  }
}

function model(withControl: boolean): AutomationModel {
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
  } as unknown as AutomationModel;
}

function existing(count: number): WriteOp[] {
  const at = new Date(0).toISOString();
  return Array.from({ length: count }, (_, i): WriteOp => {
    const entity = i % 2 === 0 ? 'lead' : 'contact';
    const value: RecordDoc = {
      id: `old_${i}`,
      entity,
      fields: { phone: `+7 900 ${String(i).padStart(7, '0')}`, email: `u${i}@example.com` },
      links: [],
      createdAt: at,
      updatedAt: at,
    };
    return { op: 'put', collection: 'records', key: value.id, value };
  });
}

async function measure(
  store: MemoryStore,
  count: number,
  withControl: boolean,
  ms: number,
): Promise<{ rate: number; firstMs: number }> {
  await store.commit(existing(count));
  const engine = new Engine({
    clock: systemClock,
    ids: createIdGenerator(),
    outbox: outboxToStore,
  });
  engine.activate('bench', 1, compileModel(model(withControl)));
  const dir = { users: [], departments: [], queues: [] };
  let n = 0;
  const create = async (): Promise<void> => {
    const tx = new Tx(store);
    const fields = { phone: `+7 800 ${String(n).padStart(7, '0')}`, email: `new${n}@example.com` };
    const made = await createCheckedRecord(
      engine,
      engine.startRun(tx, dir),
      'lead',
      { model: 'bench', pipeline: 'leads', fields },
      'create',
    );
    if (made.duplicates.length > 0) throw new Error('bench records must be unique');
    await tx.commit();
    n++;
  };
  // The first create builds the index of each compared field (one pass over the records).
  const started = performance.now();
  await create();
  const firstMs = performance.now() - started;
  const end = performance.now() + ms;
  while (performance.now() < end) await create();
  return { rate: ((n - 1) / ms) * 1000, firstMs };
}

export async function benchDuplicates(): Promise<void> {
  console.log('duplicates: lead creates/s (engine, memory store) with records already present');
  await measure(new MemoryStore(), 1000, true, 300); // warm-up
  for (const count of [1000, 50_000]) {
    const none = await measure(new MemoryStore(), count, false, 2000);
    const indexed = await measure(new MemoryStore(), count, true, 2000);
    const scanned = await measure(new ScanningStore(), count, true, 2000);
    console.log(
      `  ${String(count).padStart(6)} records: no control ${none.rate.toFixed(0).padStart(6)}/s` +
        ` | index ${indexed.rate.toFixed(0).padStart(6)}/s` +
        ` (first create, which builds it: ${indexed.firstMs.toFixed(0)} ms)` +
        ` | scan ${scanned.rate.toFixed(0).padStart(6)}/s`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchDuplicates();
