import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimulationScenario } from '../../../schemas/index.js';
import { HttpError } from '../../../runtime/http/http-error.js';
import { formatSimulation } from '../../../runtime/simulation/format-simulation.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';

const model: unknown = JSON.parse(
  readFileSync('examples/reaction-time-control/model.json', 'utf8'),
);
const min = (value: number) => ({ value, unit: 'minutes' as const });
const create = (ref: string, at = 0) => ({
  at: min(at),
  do: 'create' as const,
  ref,
  entity: 'deal' as const,
  pipeline: 'sales',
  stage: 'new_request',
  fields: { title: ref, responsible: 'ivanov' },
});

describe('runSimulation', () => {
  it('gives the same answer every run (sequential ids, virtual clock)', async () => {
    const scenario: SimulationScenario = {
      horizon: { value: 1, unit: 'hours' },
      steps: [create('a'), create('b', 5)],
    };
    const one = await runSimulation({ scenario, model });
    const two = await runSimulation({ scenario, model });
    expect(JSON.stringify(one)).toBe(JSON.stringify(two));
    expect(one.records.map((r) => r.ref)).toEqual(['a', 'b']);
    for (const r of one.records) expect(r.id).toMatch(/^deal_\d{8}$/);
  });

  it('runs steps of the same minute in script order, before the timers due then, and checks state after both', async () => {
    const result = await runSimulation({
      model,
      scenario: {
        horizon: { value: 1, unit: 'hours' },
        steps: [
          create('a'),
          { at: min(15), do: 'move', ref: 'a', stage: 'in_progress' },
          { at: min(15), do: 'move', ref: 'a', stage: 'prepare_proposal' },
        ],
        expect: [
          { at: min(15), ref: 'a', stage: 'prepare_proposal' },
          { rule: { nodeId: 'robot:remind_after_15_min' }, count: 0 },
          { task: { ref: 'a', status: 'open' }, between: [min(15), min(15)], count: 1 },
        ],
      },
    });
    expect(result.expectations.map((e) => e.passed)).toEqual([true, true, true]);
    const steps = result.timeline.filter((e) => e.kind === 'step').map((e) => e.message);
    expect(steps).toEqual([
      'created deal in "Sales", stage "New request"',
      'moved "New request" -> "In progress"',
      'moved "In progress" -> "Prepare proposal"',
    ]);
  });

  it('stops a run that fires too many timers and says so', async () => {
    const result = await runSimulation({
      model,
      maxTimers: 2,
      scenario: { horizon: { value: 1, unit: 'hours' }, steps: [create('a')] },
    });
    expect(result.stopped).toMatch(/stopped after 2 fired timers/);
    expect(result.stats.timersFired).toBe(2);
    expect(result.passed).toBe(false);
    expect(result.timers).toHaveLength(1);
    expect(formatSimulation(result)).toContain('STOPPED: stopped after 2 fired timers');
  });

  it('counts log expectations inclusively in their window; no count means at least one', async () => {
    const result = await runSimulation({
      model,
      scenario: {
        horizon: { value: 1, unit: 'hours' },
        steps: [create('a')],
        expect: [
          { notification: { to: 'ivanov' }, between: [min(15), min(25)], count: 2 },
          { notification: { to: 'ivanov' }, between: [min(16), min(24)] },
          { notification: { to: 'nobody' }, count: 0 },
          { records: { entity: 'deal', stage: 'new_request' }, at: min(59), count: 1 },
          { ref: 'a', exists: true },
        ],
      },
    });
    expect(result.expectations.map((e) => e.passed)).toEqual([true, false, true, true, true]);
    expect(result.expectations[1]).toMatchObject({ actual: { count: 0, minutes: [] } });
  });

  it('refuses a model with errors (422) and a missing model (422 INVALID_MODEL)', async () => {
    const broken = structuredClone(model) as {
      pipelines: Array<{ stages: Array<{ robots: Array<{ action: unknown }> }> }>;
    };
    const robot = broken.pipelines[0]?.stages[0]?.robots[0];
    if (robot !== undefined) robot.action = { type: 'change_stage', stage: 'nowhere' };
    const refusal = async (m: unknown) =>
      runSimulation({ model: m, scenario: {} }).then(
        () => undefined,
        (e: unknown) => e,
      );
    const e1 = await refusal(broken);
    expect(e1).toBeInstanceOf(HttpError);
    expect(e1).toMatchObject({ status: 422, code: 'ANALYZER_ERRORS' });
    expect(await refusal(undefined)).toMatchObject({ status: 422, code: 'INVALID_MODEL' });
  });
});
