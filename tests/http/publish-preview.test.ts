import { describe, expect, it } from 'vitest';
import { WHY_MODEL } from '../unit/runtime/why-model.js';
import { startServer, type Harness } from './server-harness.js';

const MIN = 60_000;
interface Model {
  pipelines: Array<{
    stages: Array<{
      key: string;
      robots: Array<{ id: string; timing?: unknown } & Record<string, unknown>>;
      triggers: Array<{ id: string } & Record<string, unknown>>;
    }>;
  }>;
}
const clone = (): Model => JSON.parse(JSON.stringify(WHY_MODEL)) as Model;
const stageOf = (m: Model, key: string) => {
  const s = m.pipelines[0]?.stages.find((x) => x.key === key);
  if (s === undefined) throw new Error(key);
  return s;
};

async function deals(h: Harness, n: number, fields: Record<string, unknown> = {}) {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const made = await h.call('POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: `Deal ${i}`, amount: 10, ...fields },
    });
    expect(made.status).toBe(201);
    ids.push(made.body.id as string);
  }
  return ids;
}

const timersOf = async (h: Harness) =>
  (await h.call('GET', '/api/timers?model=why-lab')).body.items as Array<{
    ruleId: string;
    recordId: string;
    dueAt: string;
    version: number;
  }>;

describe('POST /api/models/:id/publish?dryRun=true and existingRecords', () => {
  it('counts the pending timers a removed robot will cancel, publishes nothing, then cancels them for real', async () => {
    const t = Date.parse('2026-03-02T09:00:00Z');
    const h = await startServer(undefined, { clock: { now: () => new Date(t) } });
    try {
      await h.call('POST', '/api/models', WHY_MODEL);
      expect((await h.call('POST', '/api/models/why-lab/publish', {})).status).toBe(201);
      const ids = await deals(h, 3);
      expect((await timersOf(h)).filter((x) => x.ruleId === 'robot:remind')).toHaveLength(3);

      const draft = clone();
      const first = stageOf(draft, 'new');
      first.robots = first.robots.filter((r) => r.id !== 'remind' && r.id !== 'follow');
      expect((await h.call('PUT', '/api/models/why-lab', draft)).status).toBe(200);

      const preview = await h.call('POST', '/api/models/why-lab/publish?dryRun=true', {});
      expect(preview.status).toBe(200);
      expect(preview.body).toMatchObject({
        modelId: 'why-lab',
        liveVersion: 1,
        unchanged: false,
        timers: { cancelled: { count: 3 }, replanned: { count: 0 }, kept: { count: 0 } },
        stages: [{ pipeline: 'sales', stage: 'new', change: 'changed', records: 3 }],
        newRules: [],
      });
      expect(preview.body.timers.cancelled.sample[0]).toMatchObject({
        ruleId: 'robot:remind',
        reason: 'rule_removed',
      });
      expect(preview.body.stages[0].sample).toEqual(ids);
      // Nothing was published or cancelled.
      expect((await h.call('GET', '/api/models/why-lab')).body.publishedVersion).toBe(1);
      expect(await timersOf(h)).toHaveLength(3);

      const done = await h.call('POST', '/api/models/why-lab/publish', {});
      expect(done.status).toBe(201);
      expect(done.body.effects).toEqual({ cancelled: 3, replanned: 0, kept: 0, planned: 0 });
      expect(await timersOf(h)).toEqual([]);
      const tl = (await h.call('GET', `/api/records/deals/${ids[0]}/timeline`)).body
        .items as Array<{
        kind: string;
        data?: { reason?: string };
      }>;
      expect(tl.find((e) => e.kind === 'timer_cancelled')?.data?.reason).toBe('rule_removed');
      const why = await h.call('GET', `/api/records/deals/${ids[0]}/why?rule=robot:big_deal`);
      expect(why.status).toBe(200);
    } finally {
      await h.close();
    }
  });

  it('re-plans a changed delay and, with include_existing, plans a new date trigger and delayed robot for records in place', async () => {
    const t = Date.parse('2026-03-02T09:00:00Z');
    const h = await startServer(undefined, { clock: { now: () => new Date(t) } });
    try {
      const v1 = clone();
      const won = stageOf(v1, 'won');
      won.triggers = won.triggers.filter((x) => x.id !== 'due');
      await h.call('POST', '/api/models', v1);
      await h.call('POST', '/api/models/why-lab/publish', {});
      const due = new Date(t + 5 * 60 * MIN).toISOString();
      const ids = await deals(h, 2, { due_at: due });
      expect((await timersOf(h)).map((x) => x.ruleId).sort()).toEqual([
        'robot:remind',
        'robot:remind',
      ]);

      const v2 = clone();
      const remind = stageOf(v2, 'new').robots.find((r) => r.id === 'remind');
      if (remind === undefined) throw new Error('remind');
      remind.timing = { kind: 'delay', duration: { value: 2, unit: 'hours' } };
      stageOf(v2, 'new').robots.push({
        id: 'late_check',
        name: 'Late check',
        timing: { kind: 'delay', duration: { value: 3, unit: 'hours' } },
        action: { type: 'add_comment', text: 'late' },
      });
      await h.call('PUT', '/api/models/why-lab', v2);

      const preview = (await h.call('POST', '/api/models/why-lab/publish?dryRun=true', {})).body;
      expect(preview.timers.replanned).toMatchObject({ count: 2 });
      expect(preview.timers.replanned.sample[0].newDueAt).toBe(
        new Date(t + 120 * MIN).toISOString(),
      );
      expect(preview.newRules).toEqual([
        expect.objectContaining({
          ruleId: 'robot:late_check',
          ruleName: 'Late check',
          kind: 'delayed_robot',
          records: 2,
          sample: ids,
        }),
        expect.objectContaining({
          ruleId: 'trigger:due',
          kind: 'date_trigger',
          records: 2,
        }),
      ]);
      expect((await timersOf(h)).every((x) => x.version === 1)).toBe(true);

      const bad = await h.call('POST', '/api/models/why-lab/publish', { existingRecords: 'all' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toContain('existingRecords');

      const done = await h.call('POST', '/api/models/why-lab/publish', {
        existingRecords: 'include_existing',
      });
      expect(done.status).toBe(201);
      expect(done.body.effects).toEqual({ cancelled: 0, replanned: 2, kept: 0, planned: 4 });
      const after = await timersOf(h);
      const by = (rule: string) => after.filter((x) => x.ruleId === rule);
      expect(by('robot:remind').map((x) => x.dueAt)).toEqual([
        new Date(t + 120 * MIN).toISOString(),
        new Date(t + 120 * MIN).toISOString(),
      ]);
      expect(
        by('robot:late_check')
          .map((x) => x.recordId)
          .sort(),
      ).toEqual([...ids].sort());
      expect(by('trigger:due').map((x) => x.dueAt)).toEqual([due, due]);
      expect(after.every((x) => x.version === 2)).toBe(true);
    } finally {
      await h.close();
    }
  });

  it('with the default new_only plans nothing for records already in place', async () => {
    const h = await startServer();
    try {
      const v1 = clone();
      stageOf(v1, 'won').triggers = [];
      await h.call('POST', '/api/models', v1);
      await h.call('POST', '/api/models/why-lab/publish', {});
      await deals(h, 1, { due_at: '2030-01-01T00:00:00.000Z' });
      await h.call('PUT', '/api/models/why-lab', WHY_MODEL);
      const done = await h.call('POST', '/api/models/why-lab/publish', {});
      expect(done.body.effects).toMatchObject({ planned: 0, kept: 1 });
      expect((await timersOf(h)).map((x) => x.ruleId)).toEqual(['robot:remind']);
      const same = await h.call('POST', '/api/models/why-lab/publish?dryRun=true', {});
      expect(same.body).toMatchObject({ unchanged: true, liveVersion: 2 });
      expect((await h.call('POST', '/api/models/why-lab/publish?dryRun=maybe', {})).status).toBe(
        400,
      );
    } finally {
      await h.close();
    }
  });
});
