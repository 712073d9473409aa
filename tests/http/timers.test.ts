import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startServer } from './server-harness.js';

const model = JSON.parse(readFileSync('examples/reaction-time-control/model.json', 'utf8'));
const MIN = 60_000;

describe('scenario 4: delayed robots as persisted timers', () => {
  it('fires due timers by the injected clock, cancels them when the record leaves, survives a restart', async () => {
    let t = Date.parse('2026-03-02T09:00:00Z');
    const clock = { now: () => new Date(t) };
    const h = await startServer(undefined, { clock });
    await h.call('POST', '/api/models', model);
    expect((await h.call('POST', '/api/models/reaction-time-control/publish', {})).status).toBe(
      201,
    );
    const pipeline = model.pipelines[0].key as string;
    const deal = (
      await h.call('POST', '/api/records/deals', {
        pipeline,
        fields: { title: 'T', responsible: 'ivanov', amount: 10 },
      })
    ).body;
    const timers = (await h.store.query('timers', { recordId: deal.id }, { limit: 1000 })).items;
    expect(timers.map((x) => x.ruleId)).toEqual([
      'robot:remind_after_15_min',
      'robot:warn_after_25_min',
      'robot:escalate_after_30_min',
    ]);
    expect(timers.every((x) => x.version === 1)).toBe(true);

    t += 16 * MIN;
    expect(await h.conveyor.scheduler.tick()).toBe(1);
    const tl = (await h.call('GET', `/api/records/deals/${deal.id}/timeline`)).body.items as Array<{
      kind: string;
      ruleId?: string;
      outcome?: string;
    }>;
    expect(
      tl.some((e) => e.kind === 'timer_fired' && e.ruleId === 'robot:remind_after_15_min'),
    ).toBe(true);
    expect(tl.some((e) => e.ruleId === 'robot:remind_after_15_min' && e.outcome === 'fired')).toBe(
      true,
    );
    expect(await h.conveyor.scheduler.tick()).toBe(0);

    // Leaving the stage cancels what is pending there.
    expect(
      (await h.call('POST', `/api/records/deals/${deal.id}/move`, { stage: 'in_progress' })).status,
    ).toBe(200);
    expect((await h.store.query('timers', { recordId: deal.id }, { limit: 1000 })).items).toEqual(
      [],
    );

    // Another deal's timers survive a restart and fire once, in due-time order.
    const other = (
      await h.call('POST', '/api/records/deals', {
        pipeline,
        fields: { title: 'U', responsible: 'ivanov' },
      })
    ).body;
    await h.close();
    t += 40 * MIN;
    const again = await startServer(h.dataDir, { clock });
    expect(await again.conveyor.scheduler.tick()).toBe(3);
    expect(await again.conveyor.scheduler.tick()).toBe(0);
    const fired = (
      (await again.call('GET', `/api/records/deals/${other.id}/timeline`)).body.items as Array<{
        kind: string;
        ruleId?: string;
      }>
    )
      .filter((e) => e.kind === 'timer_fired')
      .map((e) => e.ruleId);
    expect(fired).toEqual([
      'robot:remind_after_15_min',
      'robot:warn_after_25_min',
      'robot:escalate_after_30_min',
    ]);
    await again.close();
  });
});
