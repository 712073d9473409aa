import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../runtime/app/create-app.js';
import { seedExamples } from '../../runtime/seed/seed-examples.js';
import { startServer, type Harness } from './server-harness.js';

const EXAMPLES = resolve('examples');

describe('first start', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    await seedExamples(h.conveyor, EXAMPLES, silentLogger);
  });
  afterAll(() => h.close());

  it('publishes every example model', async () => {
    const { body } = await h.call('GET', '/api/models');
    const ids = (body.items as { id: string; publishedVersion?: number }[])
      .filter((m) => m.publishedVersion === 1)
      .map((m) => m.id);
    expect(ids).toEqual(
      expect.arrayContaining(['deal-distribution', 'reaction-time-control', 'call-center']),
    );
    expect(ids.length).toBeGreaterThanOrEqual(9);
  });

  it("creates the examples' sample records through the engine, so their robots ran", async () => {
    const { body } = await h.call('GET', '/api/records/deals?pipeline=sales&stage=new');
    const deals = body.items as {
      model?: string;
      fields: { amount?: number; responsible?: string };
    }[];
    const big = deals.find((d) => d.model === 'deal-distribution' && d.fields.amount === 2_500_000);
    // Scenario 7: above 1,000,000 goes to Sidorov.
    expect(big?.fields.responsible).toBe('sidorov');
  });

  it('does nothing on a later start', async () => {
    const before = (await h.call('GET', '/api/records/deals')).body.items as unknown[];
    await seedExamples(h.conveyor, EXAMPLES, silentLogger);
    const after = (await h.call('GET', '/api/records/deals')).body.items as unknown[];
    expect(after.length).toBe(before.length);
  });
});
