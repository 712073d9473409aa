import {
  DEFAULT_SIMULATION_HORIZON,
  DEFAULT_SIMULATION_SEED,
  DEFAULT_SIMULATION_START,
  MAX_SIMULATED_TIMERS,
  type AutomationModel,
  type Expectation,
  type ExpectationResult,
  type SimulationResult,
  type SimulationScenario,
} from '../../schemas/index.js';
import { Engine } from '../engine/engine.js';
import type { TemplateRenderer } from '../engine/template-renderer.js';
import { outboxToStore, seededRandom } from '../engine/ports.js';
import { Scheduler } from '../scheduler/scheduler.js';
import { RecordService } from '../services/record-service.js';
import { RuntimeCore } from '../services/runtime-core.js';
import type { DirectoryEntries } from '../domain/directory.js';
import { applyStep } from './apply-step.js';
import { checkScenario } from './check-scenario.js';
import { durationMs } from './durations.js';
import { evaluateLog, evaluateState } from './evaluate-expectations.js';
import { mergeDirectory } from './merge-directory.js';
import { installModel, seedRecords } from './prepare-simulation.js';
import { buildResult, RefBook } from './simulation-output.js';
import { createSequentialIds } from './sequential-ids.js';
import { SimulationStore } from './simulation-store.js';
import { VirtualClock } from './virtual-clock.js';

export interface SimulationInput {
  scenario: SimulationScenario;
  /** The model document to run (a draft, or the published version the caller looked up). */
  model: unknown;
  /** The published version number `model` is (0: a draft). */
  version?: number;
  /** Directory under the model's and the scenario's own (the runtime's, for the API). */
  baseDirectory?: DirectoryEntries;
  /** Stop after this many fired timers (default MAX_SIMULATED_TIMERS). */
  maxTimers?: number;
  /** The runtime's template renderer, so a simulation meets the server's limits. */
  templates?: TemplateRenderer;
}

const isState = (e: Expectation): boolean => e.ref !== undefined || e.records !== undefined;

/**
 * Runs a scenario on the real engine, services and scheduler over a fresh memory
 * store and a virtual clock: records at minute 0, then the steps in time order, and
 * between them every timer as it falls due, up to the horizon. Nothing leaves the
 * simulation: outgoing items are only recorded in its outbox. Refusals are
 * `HttpError`s (400 malformed scenario, 422 model errors or unknown refs).
 *
 * @example const result = await runSimulation({ scenario, model });
 *   result.expectations.every((e) => e.passed);
 */
export async function runSimulation(input: SimulationInput): Promise<SimulationResult> {
  const s = input.scenario;
  const startIso = new Date(Date.parse(s.start ?? DEFAULT_SIMULATION_START)).toISOString();
  const start = Date.parse(startIso);
  const horizonMs = durationMs(s.horizon ?? DEFAULT_SIMULATION_HORIZON);
  const end = start + horizonMs;
  checkScenario(s, horizonMs);

  const store = new SimulationStore();
  const clock = new VirtualClock(start);
  const ids = createSequentialIds();
  const random = seededRandom(s.seed ?? DEFAULT_SIMULATION_SEED);
  const engine = new Engine({
    clock,
    ids,
    outbox: outboxToStore,
    random,
    ...(input.templates === undefined ? {} : { templates: input.templates }),
  });
  const core = new RuntimeCore(store, engine, clock, ids);
  const records = new RecordService(core);
  // A memory store leaves nothing behind a crash: no in-flight marks to keep.
  const scheduler = new Scheduler(core, { markInFlight: false });
  const modelDirectory = (input.model as Partial<AutomationModel> | null)?.directory;
  const directory = mergeDirectory(input.baseDirectory, modelDirectory, s.directory);
  const version = input.version ?? 0;
  const model = await installModel(core, input.model, version, directory);

  const refs = new RefBook(store);
  await seedRecords(core, model.id, s.records ?? [], refs.ids);
  refs.sync();

  const steps = (s.steps ?? [])
    .map((step, i) => ({ step, i, ms: start + durationMs(step.at) }))
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  const checks = (s.expect ?? [])
    .map((e, i) => ({ e, i, ms: e.at === undefined ? end : start + durationMs(e.at) }))
    .filter((c) => isState(c.e))
    .sort((a, b) => a.ms - b.ms || a.i - b.i);
  const results: ExpectationResult[] = [];
  const maxTimers = input.maxTimers ?? MAX_SIMULATED_TIMERS;
  let si = 0;
  let ci = 0;
  let fired = 0;
  let stopped: string | undefined;
  const check = async (c: { e: Expectation; i: number }): Promise<void> => {
    const all = store.snapshot('records');
    const byId = new Map(all.map((r) => [r.id, r]));
    const byRef = (ref: string) => {
      const id = refs.ids.get(ref);
      return id === undefined ? undefined : byId.get(id);
    };
    results.push(evaluateState(c.e, c.i, byRef, all));
  };

  for (;;) {
    const nextStep = steps[si]?.ms ?? Infinity;
    const due = store.nextDue();
    const nextTimer = due === undefined ? Infinity : Date.parse(due);
    const nextCheck = checks[ci]?.ms ?? Infinity;
    const t = Math.min(nextStep, nextTimer, nextCheck);
    if (t === Infinity || t > end) break;
    clock.set(Math.max(t, clock.millis));
    const planned = steps[si];
    if (planned !== undefined && nextStep === t) {
      si += 1;
      const entry = refs.stepEntry(planned.step, clock.now().toISOString());
      const outcome = await applyStep(
        { records, store, modelId: model.id, ids: refs.ids, pipelines: model.pipelines },
        planned.step,
      );
      refs.settleStep(entry, planned.step.ref, outcome);
      continue;
    }
    if (nextTimer <= t) {
      const n = await scheduler.tick();
      fired += n;
      refs.sync();
      // A timer re-planned (working hours) changes the earliest due time; one that
      // neither fires nor moves would spin this loop forever.
      if (n === 0 && store.nextDue() === due) {
        stopped = `a timer due ${due ?? ''} neither fired nor moved`;
        break;
      }
      if (fired >= maxTimers && store.nextDue() !== undefined) {
        stopped = `stopped after ${fired} fired timers (limit ${maxTimers}): the model keeps planning timers`;
        break;
      }
      continue;
    }
    const c = checks[ci];
    ci += 1;
    if (c !== undefined) await check(c);
  }
  clock.set(Math.max(end, clock.millis));
  // Checks not reached (a stopped run) see the state where it stopped.
  for (const c of checks.slice(ci)) await check(c);

  const output = await buildResult(store, refs, start);
  (s.expect ?? []).forEach((e, i) => {
    if (!isState(e)) results.push(evaluateLog(e, i, output));
  });
  results.sort((a, b) => a.index - b.index);
  return {
    start: startIso,
    end: new Date(end).toISOString(),
    model: { id: model.id, version },
    ...output,
    expectations: results,
    passed: stopped === undefined && results.every((r) => r.passed),
    stats: { steps: si, timersFired: fired },
    ...(stopped === undefined ? {} : { stopped }),
  };
}
