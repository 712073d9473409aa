import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';
import { WORKING_TIME_MODEL } from './working-time-model.js';

interface Timer {
  ruleId: string;
  dueAt: string;
}
interface Entry {
  kind: string;
  ruleId?: string;
  outcome?: string;
  message: string;
  data?: Record<string, unknown>;
}

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Moscow is UTC+3 all year: Friday 17:30 MSK is 14:30 UTC. */
const FRIDAY_1730_MSK = '2026-11-20T14:30:00Z';

async function start(): Promise<{ s: Harness; setNow(iso: string): void }> {
  let t = Date.parse(FRIDAY_1730_MSK);
  const s = await startServer(undefined, { clock: { now: () => new Date(t) } });
  h = s;
  const created = await s.call('POST', '/api/models', WORKING_TIME_MODEL);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  const pub = await s.call('POST', '/api/models/sla/publish', {});
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
  return { s, setNow: (iso) => (t = Date.parse(iso)) };
}

describe('delays counted in working time (Moscow office, Mon-Fri 09:00-18:00)', () => {
  it('"after 2 hours" on a deal created Friday 17:30: counted Monday 10:30, shifted Monday 09:00', async () => {
    const { s, setNow } = await start();
    const res = await s.call('POST', '/api/records/deals', {
      pipeline: 'requests',
      // The call is Monday 09:15 MSK: 30 working minutes before it are 15 on Monday
      // and 15 on Friday, so Friday 17:45 (calendar time would say Monday 08:45).
      fields: { title: 'Rack order', responsible: 'petrov', call_at: '2026-11-23T06:15:00Z' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const id = (res.body as { id: string }).id;
    const timers = (await s.call('GET', `/api/records/deals/${id}/timers`)).body.items as Timer[];
    expect(Object.fromEntries(timers.map((t) => [t.ruleId, t.dueAt]))).toEqual({
      'robot:sla_answer': '2026-11-23T07:30:00.000Z', // Monday 10:30 MSK
      'robot:shifted_answer': '2026-11-23T06:00:00.000Z', // Monday 09:00 MSK
      'robot:legacy_answer': '2026-11-23T06:00:00.000Z',
      'robot:prepare_call': '2026-11-20T14:45:00.000Z', // Friday 17:45 MSK
    });

    const timeline = (await s.call('GET', `/api/records/deals/${id}/timeline`)).body
      .items as Entry[];
    const sla = timeline.find((e) => e.ruleId === 'robot:sla_answer' && e.outcome === 'scheduled');
    expect(sla?.message).toContain('2026-11-23T07:30:00.000Z');
    expect(sla?.message).toContain('Mon 2026-11-23 10:30 Europe/Moscow');
    expect(sla?.data).toMatchObject({
      calendar: 'moscow_office',
      timeZone: 'Europe/Moscow',
      workingHours: 'count',
      dueAtLocal: 'Mon 2026-11-23 10:30 Europe/Moscow',
    });

    setNow('2026-11-20T14:45:00Z');
    expect(await s.conveyor.scheduler.tick()).toBe(1);
    // Monday 10:00 MSK: the shifted reminders have fired, the SLA one has not.
    setNow('2026-11-23T07:00:00Z');
    expect(await s.conveyor.scheduler.tick()).toBe(2);
    setNow('2026-11-23T07:30:00Z');
    expect(await s.conveyor.scheduler.tick()).toBe(1);
    const after = (await s.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];
    expect(after.some((e) => e.ruleId === 'robot:sla_answer' && e.outcome === 'fired')).toBe(true);
  });

  it('accepts the three spellings and refuses "count" on an immediate robot, saying where', async () => {
    const { s } = await start();
    const bad = structuredClone(WORKING_TIME_MODEL) as {
      pipelines: { stages: { robots: { timing: Record<string, unknown> }[] }[] }[];
    };
    const robot = bad.pipelines[0]?.stages[0]?.robots[0];
    if (robot === undefined) throw new Error('fixture changed');
    robot.timing = { kind: 'immediate', workingHours: 'count' };
    // The draft is kept (an admin never loses an edit); its diagnostics say where, and
    // publishing it is refused.
    const saved = await s.call('PUT', '/api/models/sla', bad);
    expect(saved.status).toBe(200);
    expect(JSON.stringify(saved.body)).toContain('/timing/workingHours');
    const res = await s.call('POST', '/api/models/sla/publish', {});
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('/timing/workingHours');
  });
});
