import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import {
  compileModel,
  type AutomationModel,
  type ScenarioStep,
  type SimulationScenario,
} from '../schemas/index.js';
import { Engine } from '../runtime/engine/engine.js';
import { outboxToStore, systemClock } from '../runtime/engine/ports.js';
import { RecordService } from '../runtime/services/record-service.js';
import { RuntimeCore } from '../runtime/services/runtime-core.js';
import { createSequentialIds } from '../runtime/simulation/sequential-ids.js';
import { runSimulation } from '../runtime/simulation/run-simulation.js';
import { MemoryStore } from '../runtime/store/memory-store.js';

const MODEL = JSON.parse(
  readFileSync(new URL('../examples/reaction-time-control/model.json', import.meta.url), 'utf8'),
) as AutomationModel;
const RECORDS = 1000;
const HORIZON_DAYS = 10;
const USERS = ['ivanov', 'petrov', 'sidorov', 'smirnova'];

/**
 * 1,000 deals arriving over the first day (one every 86 s); every other one is taken
 * into work after 10 minutes and sent a proposal after a day, the rest are left alone,
 * so both the cancelled and the fired paths of the delayed robots run.
 */
function script(): ScenarioStep[] {
  const steps: ScenarioStep[] = [];
  for (let i = 0; i < RECORDS; i++) {
    const min = Math.floor((i * 1440) / RECORDS);
    const ref = `d${i}`;
    steps.push({
      at: { value: min, unit: 'minutes' },
      do: 'create',
      ref,
      entity: 'deal',
      pipeline: 'sales',
      stage: 'new_request',
      fields: { title: `Deal ${i}`, responsible: USERS[i % USERS.length], amount: 1000 + i },
    });
    if (i % 2 === 0) {
      steps.push({
        at: { value: min + 10, unit: 'minutes' },
        do: 'move',
        ref,
        stage: 'in_progress',
      });
      steps.push({
        at: { value: min + 1440, unit: 'minutes' },
        do: 'move',
        ref,
        stage: 'prepare_proposal',
      });
    }
  }
  return steps;
}

/** Baseline: the same steps through the same services with the real clock, timers never fired. */
async function baseline(steps: readonly ScenarioStep[]): Promise<number> {
  const store = new MemoryStore();
  const ids = createSequentialIds();
  const engine = new Engine({ clock: systemClock, ids, outbox: outboxToStore });
  const core = new RuntimeCore(store, engine, systemClock, ids);
  const records = new RecordService(core);
  await core.change(async (tx) => {
    for (const u of MODEL.directory?.users ?? []) tx.put('users', u.key, u);
    for (const d of MODEL.directory?.departments ?? []) tx.put('departments', d.key, d);
  });
  engine.activate(MODEL.id, 1, compileModel(MODEL));
  const byRef = new Map<string, string>();
  const ordered = [...steps].sort((a, b) => a.at.value - b.at.value);
  const t0 = performance.now();
  for (const s of ordered) {
    if (s.do === 'create') {
      const r = await records.create('deal', {
        model: MODEL.id,
        pipeline: s.pipeline ?? '',
        stage: s.stage ?? '',
        fields: s.fields ?? {},
      });
      byRef.set(s.ref, r.id);
    } else if (s.do === 'move') {
      await records.move('deal', byRef.get(s.ref) ?? '', { stage: s.stage });
    }
  }
  return performance.now() - t0;
}

/** `npm run bench -- simulation`: virtual days per real second for a 1,000-record script. */
export async function benchSimulation(): Promise<void> {
  const steps = script();
  const scenario: SimulationScenario = {
    horizon: { value: HORIZON_DAYS, unit: 'days' },
    steps,
  };
  console.log(
    `simulation: reaction-time-control, ${RECORDS} deals, ${steps.length} steps, horizon ${HORIZON_DAYS} days`,
  );
  // Warm-up (JIT, liquid caches) on a tenth of the script.
  await runSimulation({
    scenario: { ...scenario, steps: steps.slice(0, steps.length / 10) },
    model: MODEL,
  });
  const base = await baseline(steps);
  const t0 = performance.now();
  const result = await runSimulation({ scenario, model: MODEL });
  const ms = performance.now() - t0;
  console.log(
    `  simulation: ${(ms / 1000).toFixed(2)} s real, ${(HORIZON_DAYS / (ms / 1000)).toFixed(1)} virtual days/s; ${result.stats.timersFired} timers fired, ${result.timeline.length} timeline entries`,
  );
  console.log(
    `  baseline (same steps, same services, real clock, no timers fired): ${(base / 1000).toFixed(2)} s`,
  );
  console.log(`  simulation / baseline: ${(ms / base).toFixed(2)}x`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchSimulation();
