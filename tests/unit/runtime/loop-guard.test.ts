import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  LOOP_GUARD_DEFAULTS,
  type SimulationResult,
} from '../../../schemas/index.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';
import { redeliveryLoopModel } from './redelivery-loop-model.js';

const min = (value: number) => ({ value, unit: 'minutes' as const });
type Open = Record<string, unknown>;
const reasonOf = (e: { data?: Open }) => e.data?.reason;

/**
 * A sale awaiting its delivery "parcel"; at minute 0 the admin marks the parcel
 * returned, so the sale goes back to "Paid" and a new delivery is made every hour.
 */
async function parcelReturned(
  loopGuard?: Record<string, number>,
  saleFields: Record<string, unknown> = {},
  hours = 40,
): Promise<SimulationResult> {
  return runSimulation({
    model: redeliveryLoopModel(loopGuard),
    scenario: {
      horizon: { value: hours, unit: 'hours' },
      records: [
        {
          ref: 'sale',
          entity: 'deal',
          pipeline: 'sales',
          stage: 'awaiting_delivery',
          fields: { title: 'Pump', ...saleFields },
        },
        {
          ref: 'parcel',
          entity: 'deal',
          pipeline: 'delivery',
          stage: 'new_request',
          fields: { title: 'Parcel' },
          links: ['sale'],
        },
      ],
      steps: [{ at: min(0), do: 'move', ref: 'parcel', stage: 'returned' }],
    },
  });
}

const deliveries = (r: SimulationResult) =>
  r.records.filter((x) => x.ref.startsWith('auto-') && (x as Open).pipeline === 'delivery');
const stopped = (r: SimulationResult) => r.timeline.filter((e) => e.kind === 'loop_stopped');
const saleOf = (r: SimulationResult) => r.records.find((x) => x.ref === 'sale');

describe('loops that run through timers are stopped', () => {
  it('the analyzer warns of the loop but lets it publish: it has a delay', () => {
    const codes = analyzeModel(redeliveryLoopModel()).map((d) => d.code);
    expect(codes).toContain('POSSIBLE_CYCLE');
    expect(codes).not.toContain('CYCLE');
  });

  it('a sale sent back to Paid by its returned delivery every hour stops at the default record limit', async () => {
    const r = await parcelReturned();
    const max = LOOP_GUARD_DEFAULTS.maxCreatedRecords;
    // One delivery per hour, then the guard: not one per hour for ever.
    expect(deliveries(r)).toHaveLength(max);
    expect(r.timers).toEqual([]);
    const entries = stopped(r);
    // Where the chain started (the parcel the admin moved) and where it stopped (the sale).
    expect(entries.map((e) => e.ref).sort()).toEqual(['parcel', 'sale']);
    for (const e of entries) {
      expect(e.data).toMatchObject({
        reason: 'max_created_records',
        limit: max,
        count: max + 1,
        origin: { kind: 'stage_changed', recordId: r.records.find((x) => x.ref === 'parcel')?.id },
      });
    }
    expect(entries.find((e) => e.ref === 'sale')?.minute).toBe(max * 60);
    // The sale is whole: back in Paid, its robots each ran or are recorded as not run.
    expect(saleOf(r)).toMatchObject({ stage: 'paid', fields: { attempts: max + 1 } });
    const last = r.timeline.filter((e) => e.ref === 'sale' && e.minute === max * 60);
    const outcome = (kind: string, ruleId: string) =>
      last.filter((e) => e.kind === kind && e.ruleId === ruleId).map((e) => e.outcome);
    expect(outcome('rule', 'robot:create_delivery')).toEqual(['fired']);
    expect(outcome('action', 'robot:create_delivery')).toEqual(['stopped']);
    expect(outcome('rule', 'robot:wait_for_delivery')).toEqual(['stopped']);
  });

  it('the step limit of the model stops the chain where it is, with nothing left pending', async () => {
    const r = await parcelReturned({ maxSteps: 15 });
    const entries = stopped(r);
    expect(entries.map(reasonOf)).toEqual(['max_steps', 'max_steps']);
    expect(entries[0]?.data).toMatchObject({ limit: 15, count: 16 });
    expect(deliveries(r).length).toBeLessThan(5);
    expect(r.timers).toEqual([]);
    // Every event after the stop is recorded as not handled, none silently dropped.
    const stopAt = entries.find((e) => e.ref !== 'parcel');
    expect(stopAt).toBeDefined();
    const afterwards = r.timeline.filter(
      (e) =>
        e.minute === stopAt?.minute &&
        (e.kind === 'rule' || e.kind === 'event') &&
        e.outcome !== undefined &&
        e.outcome !== 'stopped' &&
        r.timeline.indexOf(e) > r.timeline.indexOf(stopAt as never),
    );
    expect(afterwards).toEqual([]);
  });

  it('a long chain below the limits is not stopped: 15 deliveries, then the condition ends it', async () => {
    const r = await parcelReturned(undefined, { max_attempts: 15 });
    expect(stopped(r)).toEqual([]);
    expect(deliveries(r)).toHaveLength(15);
    expect(saleOf(r)).toMatchObject({ stage: 'awaiting_delivery', fields: { attempts: 15 } });
    expect(r.timers).toEqual([]);
  });

  it('the limits are the model’s: exactly at the limit runs, one more record is stopped', async () => {
    const atLimit = await parcelReturned({ maxCreatedRecords: 5 }, { max_attempts: 5 });
    expect(stopped(atLimit)).toEqual([]);
    expect(deliveries(atLimit)).toHaveLength(5);
    const past = await parcelReturned({ maxCreatedRecords: 5 }, { max_attempts: 6 });
    expect(stopped(past).map(reasonOf)).toEqual(['max_created_records', 'max_created_records']);
    expect(deliveries(past)).toHaveLength(5);
  });

  it('each timer carries its chain: where it started and how far it has gone', async () => {
    const r = await parcelReturned(undefined, {}, 2.5);
    const parcelId = r.records.find((x) => x.ref === 'parcel')?.id;
    expect(r.timers).toHaveLength(1);
    expect(r.timers[0]).toMatchObject({
      chain: { origin: { kind: 'stage_changed', recordId: parcelId }, created: 3 },
    });
  });
});
