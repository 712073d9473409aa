import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

const USERS = ['anna', 'boris', 'vera', 'gleb', 'dina', 'egor'];

/** New deals go to a random sales manager: the one choice in the model left to chance. */
const MODEL = {
  schemaVersion: 1,
  id: 'lottery',
  name: 'Random distribution',
  entities: {},
  directory: {
    users: USERS.map((key) => ({ key, name: key })),
    departments: [],
    queues: [],
  },
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [
        {
          key: 'new',
          name: 'New',
          kind: 'in_progress',
          triggers: [],
          robots: [
            {
              id: 'pick_manager',
              timing: { kind: 'immediate' },
              action: { type: 'assign', target: { kind: 'random', users: USERS } },
            },
          ],
        },
      ],
    },
  ],
};

const scenario = (seed?: number) => ({
  model: MODEL,
  ...(seed === undefined ? {} : { seed }),
  horizon: { value: 1, unit: 'hours' },
  steps: Array.from({ length: 12 }, (_, i) => ({
    at: { value: i, unit: 'minutes' },
    do: 'create',
    ref: `d${i}`,
    entity: 'deal',
    pipeline: 'sales',
    fields: { title: `Deal ${i}` },
  })),
});

describe('POST /api/simulate with a seed', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.close();
  });

  /** Who each of the twelve deals went to, in order. */
  async function managers(seed?: number): Promise<string[]> {
    const res = await h.call('POST', '/api/simulate', scenario(seed));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return (res.body.records as Array<{ ref: string; fields: { responsible?: string } }>)
      .sort((a, b) => Number(a.ref.slice(1)) - Number(b.ref.slice(1)))
      .map((r) => r.fields.responsible ?? '(nobody)');
  }

  it('random assignment picks the same managers twice with the same seed', async () => {
    const first = await managers(42);
    expect(first.every((m) => USERS.includes(m))).toBe(true);
    expect(await managers(42)).toEqual(first);
  });

  it('another seed gives another draw, and no seed is a fixed default', async () => {
    const a = await managers(42);
    const b = await managers(7);
    expect(b).not.toEqual(a);
    expect(await managers()).toEqual(await managers());
  });
});
