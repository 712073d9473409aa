import { describe, expect, it } from 'vitest';
import type { SimulationScenario } from '../../../schemas/index.js';
import { formatSimulation } from '../../../runtime/simulation/format-simulation.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';
import { WORKING_TIME_MODEL } from '../../http/working-time-model.js';

const hours = (value: number) => ({ value, unit: 'hours' as const });
const minutes = (value: number) => ({ value, unit: 'minutes' as const });

/**
 * The Moscow office works Mon-Fri 09:00-18:00 (UTC+3). A request arrives Friday
 * 17:30: the SLA robot ("after 2 hours, counted in working time") answers Monday
 * 10:30, 65 hours later; the shifted ones Monday 09:00, 63.5 hours later.
 */
const scenario: SimulationScenario = {
  start: '2026-11-20T14:30:00Z', // Friday 17:30 MSK
  horizon: { value: 4, unit: 'days' },
  steps: [
    {
      at: minutes(0),
      do: 'create',
      ref: 'request',
      entity: 'deal',
      pipeline: 'requests',
      stage: 'new',
      fields: { title: 'Rack order', responsible: 'petrov' },
    },
  ],
  expect: [
    { rule: { nodeId: 'robot:sla_answer' }, between: [hours(65), hours(65)], count: 1 },
    { rule: { nodeId: 'robot:shifted_answer' }, between: [minutes(3810), minutes(3810)], count: 1 },
    { rule: { nodeId: 'robot:legacy_answer' }, between: [minutes(3810), minutes(3810)], count: 1 },
  ],
};

describe('simulating a delay counted in working time', () => {
  it('fires "after 2 working hours" from Friday 17:30 on Monday 10:30, shifted ones at 09:00', async () => {
    const result = await runSimulation({ scenario, model: WORKING_TIME_MODEL });
    expect(result.expectations.map((e) => [e.description, e.passed])).toEqual(
      result.expectations.map((e) => [e.description, true]),
    );
  });

  it('shows the due time in the calendar zone beside UTC in the CLI timeline', async () => {
    const text = formatSimulation(await runSimulation({ scenario, model: WORKING_TIME_MODEL }));
    const line = text
      .split('\n')
      .find((l) => l.includes('robot:sla_answer') && l.includes('scheduled'));
    expect(line).toContain('2026-11-23T07:30:00.000Z');
    expect(line).toContain('Mon 2026-11-23 10:30 Europe/Moscow');
    const shifted = text
      .split('\n')
      .find((l) => l.includes('robot:shifted_answer') && l.includes('scheduled'));
    expect(shifted).toContain('Mon 2026-11-23 09:00 Europe/Moscow');
  });
});
