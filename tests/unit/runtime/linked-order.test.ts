import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '../../../schemas/index.js';
import { runSimulation } from '../../../runtime/simulation/run-simulation.js';
import { COURIER_MODEL } from './courier-model.js';

const min = (value: number) => ({ value, unit: 'minutes' as const });

/** A paid sales deal linked to its delivery in "New request"; the admin packs the delivery. */
async function packDelivery(address?: string): Promise<SimulationResult> {
  return runSimulation({
    model: COURIER_MODEL,
    scenario: {
      horizon: { value: 1, unit: 'hours' },
      records: [
        {
          ref: 'sale',
          entity: 'deal',
          pipeline: 'sales',
          stage: 'paid',
          fields: { title: 'Pump' },
        },
        {
          ref: 'parcel',
          entity: 'deal',
          pipeline: 'delivery',
          stage: 'new_request',
          fields: { title: 'Parcel', ...(address === undefined ? {} : { address }) },
          links: ['sale'],
        },
      ],
      steps: [{ at: min(5), do: 'move', ref: 'parcel', stage: 'packed' }],
    },
  });
}

/** The stages a record went through, in timeline order. */
const path = (r: SimulationResult, ref: string): string[] =>
  r.timeline
    .filter((e) => e.ref === ref && e.kind === 'stage_changed')
    .map((e) => (e.data as { to: { stage: string } }).to.stage);

describe('linked records see stage changes in the order they happened', () => {
  it('a delivery packed, handed to the courier and at once returned leaves its sale in Returned', async () => {
    const r = await packDelivery();
    expect(path(r, 'parcel')).toEqual(['packed', 'handed_to_courier', 'returned']);
    // Packing, then Shipped, then Returned: not Returned first and Shipped last.
    expect(path(r, 'sale')).toEqual(['packing', 'shipped', 'returned']);
    expect(r.records.find((x) => x.ref === 'sale')).toMatchObject({ stage: 'returned' });
    const fired = r.timeline
      .filter((e) => e.ref === 'sale' && e.outcome === 'fired')
      .map((e) => e.ruleId);
    expect(fired).toEqual([
      'trigger:delivery_packed',
      'trigger:delivery_handed',
      'trigger:delivery_returned',
    ]);
  });

  it('a delivery with an address stops at the courier and its sale at Shipped', async () => {
    const r = await packDelivery('Lenina 1');
    expect(path(r, 'parcel')).toEqual(['packed', 'handed_to_courier']);
    expect(path(r, 'sale')).toEqual(['packing', 'shipped']);
    const noAddress = r.timeline.find((e) => e.ref === 'parcel' && e.ruleId === 'robot:no_address');
    expect(noAddress?.outcome).toBe('condition_false');
  });

  it("the delivery's robots run in stage order, each stage's robots before the next stage's", async () => {
    const r = await packDelivery();
    const order = r.timeline
      .filter((e) => e.ref === 'parcel' && (e.kind === 'stage_changed' || e.outcome === 'fired'))
      .map((e) => (e.kind === 'stage_changed' ? e.message : e.ruleId));
    expect(order).toEqual([
      'moved "New request" -> "Packed"',
      'robot:hand_over',
      'moved "Packed" -> "Handed to courier"',
      'robot:no_address',
      'moved "Handed to courier" -> "Returned"',
    ]);
  });
});
