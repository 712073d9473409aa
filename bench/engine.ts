import { pathToFileURL } from 'node:url';
import { compileModel, type AutomationModel } from '../schemas/index.js';
import { Engine } from '../runtime/engine/engine.js';
import { createIdGenerator, outboxToStore, systemClock } from '../runtime/engine/ports.js';
import { Tx } from '../runtime/engine/tx.js';
import { MemoryStore } from '../runtime/store/memory-store.js';

const stage = (key: string, robots: unknown[] = []) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots,
  triggers: [],
});

/** A model with `total` rules: 2 on the hot pipeline, the rest on unrelated pipelines. */
function modelWith(total: number): AutomationModel {
  const robot = (id: string) => ({
    id,
    condition: { '>=': [{ var: 'amount' }, 0] },
    timing: { kind: 'immediate' },
    action: {
      type: 'update_fields',
      set: [{ field: 'title', value: { cat: ['seen ', { var: 'stage' }] } }],
    },
  });
  const pipelines = [
    {
      key: 'hot',
      name: 'Hot',
      entity: 'deal',
      stages: [stage('a', [robot('ra')]), stage('b', [robot('rb')])],
    },
  ];
  let left = total - 2;
  for (let p = 0; left > 0; p++) {
    const stages = [];
    for (let s = 0; s < 10 && left > 0; s++) {
      const robots = [];
      for (let r = 0; r < 10 && left > 0; r++, left--) robots.push(robot(`u${p}_${s}_${r}`));
      stages.push(stage(`s${s}`, robots));
    }
    pipelines.push({ key: `p${p}`, name: `P${p}`, entity: 'deal', stages });
  }
  return {
    schemaVersion: 1,
    id: 'bench',
    name: 'Bench',
    entities: {},
    pipelines,
  } as unknown as AutomationModel;
}

async function measure(total: number, ms: number): Promise<{ rate: number; rules: number }> {
  const store = new MemoryStore();
  const engine = new Engine({
    clock: systemClock,
    ids: createIdGenerator(),
    outbox: outboxToStore,
  });
  const ruleSet = compileModel(modelWith(total));
  engine.activate('bench', 1, ruleSet);
  const dir = { users: [], departments: [], queues: [] };
  const tx0 = new Tx(store);
  const rec = await engine.createRecord(
    engine.startRun(tx0, dir),
    { entity: 'deal', model: 'bench', pipeline: 'hot', fields: { amount: 1 } },
    { eventId: 'seed' },
  );
  if (rec === undefined) throw new Error('bench record not created');
  await tx0.commit();
  let n = 0;
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const tx = new Tx(store);
    const ctx = engine.startRun(tx, dir);
    await engine.move(ctx, rec.id, 'hot', n % 2 === 0 ? 'b' : 'a', { eventId: `e${n}` });
    await tx.commit();
    n++;
  }
  return { rate: (n / ms) * 1000, rules: ruleSet.rules.length };
}

/** Stage moves per second through the engine (memory store) as unrelated rules grow. */
export async function benchEngine(): Promise<void> {
  console.log(
    'engine: stage moves/s (each runs 1 robot: condition + update_fields + field_changed)',
  );
  await measure(10, 300); // warm-up
  for (const total of [10, 100, 1000]) {
    const { rate, rules } = await measure(total, 3000);
    console.log(
      `  ${String(rules).padStart(5)} published rules: ${rate.toFixed(0).padStart(7)} events/s`,
    );
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchEngine();
