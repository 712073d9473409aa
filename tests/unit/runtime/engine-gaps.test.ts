import { describe, expect, it } from 'vitest';
import type { ScenarioStep, SimulationResult } from '../../../schemas/index.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';
import { GAPS_MODEL } from './engine-gaps-model.js';

const START = '2026-03-02T09:00:00.000Z';
const min = (value: number) => ({ value, unit: 'minutes' as const });
/** The virtual instant `m` minutes after the start. */
const at = (m: number) => new Date(Date.parse(START) + m * 60_000).toISOString();
const create = (
  ref: string,
  stage: string,
  fields: Record<string, unknown> = {},
): ScenarioStep => ({
  at: min(0),
  do: 'create',
  ref,
  entity: 'deal',
  pipeline: 'desk',
  stage,
  fields: { title: ref, responsible: 'ivanov', ...fields },
});

async function simulate(steps: ScenarioStep[], hours = 48): Promise<SimulationResult> {
  return runSimulation({
    model: GAPS_MODEL,
    scenario: { start: START, horizon: { value: hours, unit: 'hours' }, steps },
  });
}

type Open = Record<string, unknown>;
const record = (r: SimulationResult, ref: string) =>
  r.records.find((x) => x.ref === ref) as (Open & { fields: Open }) | undefined;
const stageOf = (r: SimulationResult, ref: string) => record(r, ref)?.stage;
const entries = (r: SimulationResult, ref: string, ruleId: string) =>
  r.timeline.filter((e) => e.ref === ref && e.ruleId === ruleId);
/** Minutes at which a rule had an outcome for a record. */
const when = (r: SimulationResult, ref: string, ruleId: string, outcome = 'fired') =>
  entries(r, ref, ruleId)
    .filter((e) => e.outcome === outcome)
    .map((e) => e.minute);

describe('date_reached triggers', () => {
  const trigger = 'trigger:call_back_due';

  it('plan a timer when the date is set, re-plan on change, move the record when reached', async () => {
    const r = await simulate([
      create('set_on_create', 'new', { call_back_at: at(120) }),
      create('set_later', 'new'),
      { at: min(10), do: 'update', ref: 'set_later', fields: { call_back_at: at(300) } },
      { at: min(20), do: 'update', ref: 'set_later', fields: { call_back_at: at(200) } },
    ]);
    // 15 minutes before the date, as the trigger says; the re-planned one at its new time.
    expect(when(r, 'set_on_create', trigger)).toEqual([105]);
    expect(when(r, 'set_later', trigger)).toEqual([185]);
    expect(stageOf(r, 'set_on_create')).toBe('callback');
    expect(stageOf(r, 'set_later')).toBe('callback');
    const replanned = r.timeline.find((e) => e.ref === 'set_later' && e.kind === 'timer_replanned');
    expect(replanned?.data).toMatchObject({ from: at(285), to: at(185), field: 'call_back_at' });
    expect(r.timers).toEqual([]);
  });

  it('keep the trigger rules: condition, backwards only when allowed, not into its own stage', async () => {
    const r = await simulate([
      create('on_hold', 'new', { call_back_at: at(60), hold: true }),
      create('already_there', 'callback', { call_back_at: at(60) }),
      // Backwards from Won into Call back: this trigger allows it.
      create('won', 'won', { call_back_at: at(60) }),
    ]);
    expect(when(r, 'on_hold', trigger, 'condition_false')).toEqual([45]);
    expect(stageOf(r, 'on_hold')).toBe('new');
    expect(when(r, 'already_there', trigger, 'already_in_stage')).toEqual([45]);
    expect(stageOf(r, 'won')).toBe('callback');
  });

  it('drop the timer when the field is cleared or the record leaves the pipeline; a past date fires at once', async () => {
    const r = await simulate([
      create('cleared', 'new', { call_back_at: at(120) }),
      create('left', 'new', { call_back_at: at(120) }),
      create('past', 'new'),
      { at: min(5), do: 'update', ref: 'cleared', fields: { call_back_at: null } },
      { at: min(6), do: 'move', ref: 'left', pipeline: 'other', stage: 'parked' },
      { at: min(7), do: 'update', ref: 'past', fields: { call_back_at: at(-60) } },
    ]);
    const reasons = (ref: string) =>
      r.timeline
        .filter((e) => e.ref === ref && e.kind === 'timer_cancelled')
        .map((e) => (e.data as Open | undefined)?.reason);
    expect(reasons('cleared')).toEqual(['anchor_cleared']);
    expect(reasons('left')).toEqual(['left_pipeline']);
    expect(when(r, 'cleared', trigger)).toEqual([]);
    expect(when(r, 'left', trigger)).toEqual([]);
    expect(stageOf(r, 'left')).toBe('parked');
    expect(when(r, 'past', trigger)).toEqual([7]);
    expect(stageOf(r, 'past')).toBe('callback');
  });
});

describe('after_previous counts from when the previous robot ran', () => {
  it('waits for a delayed previous robot, then its own duration; none waits for nothing more', async () => {
    const r = await simulate([create('d', 'waiting')]);
    expect(when(r, 'd', 'robot:first_step')).toEqual([24 * 60]);
    expect(when(r, 'd', 'robot:second_step')).toEqual([26 * 60]);
    expect(when(r, 'd', 'robot:third_step')).toEqual([26 * 60]);
    const fields = record(r, 'd')?.fields ?? {};
    expect([fields.first, fields.second, fields.third]).toEqual([1, 1, 1]);
  });

  it('drops the waiting robots with the delayed one when the record leaves, and says so', async () => {
    const r = await simulate([
      create('d', 'waiting'),
      { at: min(60), do: 'move', ref: 'd', stage: 'won' },
    ]);
    expect(when(r, 'd', 'robot:second_step')).toEqual([]);
    const cancel = r.timeline.find((e) => e.ref === 'd' && e.kind === 'timer_cancelled');
    expect((cancel?.data as Open | undefined)?.followers).toEqual([
      'robot:second_step',
      'robot:third_step',
    ]);
    expect(cancel?.message).toContain('will not run');
  });
});

describe('a robot skipped for an empty anchor', () => {
  it('is planned when the field gets a value while the record is still in the stage', async () => {
    const r = await simulate([
      create('later', 'new'),
      create('past', 'new'),
      create('moved_on', 'new'),
      { at: min(10), do: 'update', ref: 'later', fields: { follow_up_at: at(90) } },
      { at: min(10), do: 'update', ref: 'past', fields: { follow_up_at: at(-30) } },
      { at: min(5), do: 'move', ref: 'moved_on', stage: 'waiting' },
      { at: min(10), do: 'update', ref: 'moved_on', fields: { follow_up_at: at(90) } },
      // A second change re-plans the timer; it does not plan the robot twice.
      { at: min(20), do: 'update', ref: 'later', fields: { follow_up_at: at(100) } },
    ]);
    expect(when(r, 'later', 'robot:chase', 'skipped')).toEqual([0]);
    expect(when(r, 'later', 'robot:chase', 'anchor_set')).toEqual([10]);
    expect(when(r, 'later', 'robot:chase', 'scheduled')).toEqual([10]);
    expect(when(r, 'later', 'robot:chase')).toEqual([100]);
    expect(when(r, 'past', 'robot:chase')).toEqual([10]);
    expect(when(r, 'moved_on', 'robot:chase', 'anchor_set')).toEqual([]);
    expect(when(r, 'moved_on', 'robot:chase')).toEqual([]);
  });

  it('waits again when the field is cleared, and is planned again when it is set', async () => {
    const r = await simulate([
      create('d', 'new', { follow_up_at: at(60) }),
      { at: min(10), do: 'update', ref: 'd', fields: { follow_up_at: null } },
      { at: min(20), do: 'update', ref: 'd', fields: { follow_up_at: at(120) } },
    ]);
    expect(when(r, 'd', 'robot:chase', 'scheduled')).toEqual([0, 20]);
    expect(when(r, 'd', 'robot:chase')).toEqual([120]);
    expect(record(r, 'd')?.fields.chased).toBe(1);
  });
});

describe('the payload of the event that moved the record', () => {
  it('reaches the robots of the new stage: at once and, as planned, the delayed ones', async () => {
    const r = await simulate(
      [
        create('d', 'new'),
        { at: min(5), do: 'event', ref: 'd', kind: 'payment_received', payload: { amount: 500 } },
      ],
      3,
    );
    expect(r.tasks.map((t) => [t.minute, (t as Open).title])).toEqual([
      [5, 'Payment of 500 received'],
      [65, 'Check the payment of 500'],
    ]);
    const stageEntered = r.timeline.find(
      (e) => e.ref === 'd' && e.kind === 'event' && e.message === 'stage_entered' && e.minute === 5,
    );
    // The entry keeps the stage entered too, so the timeline can name it.
    expect(stageEntered?.data).toEqual({
      payload: { amount: 500 },
      to: { pipeline: expect.any(String) as string, stage: 'paid' },
    });
  });

  it('is absent for a move without an external event ($event empty: the condition is false)', async () => {
    const r = await simulate(
      [create('d', 'new'), { at: min(5), do: 'move', ref: 'd', stage: 'paid' }],
      3,
    );
    expect(when(r, 'd', 'robot:thank_now', 'condition_false')).toEqual([5]);
  });
});
