import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';
import { TIMER_LAB_MODEL } from './timer-lab-model.js';

interface Timer {
  id: string;
  ruleId: string;
  dueAt: string;
  plannedFor?: string;
  recordId: string;
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

async function lab(start: string): Promise<{ h: Harness; setNow(iso: string): void }> {
  let t = Date.parse(start);
  const server = await startServer(undefined, { clock: { now: () => new Date(t) } });
  h = server;
  expect((await server.call('POST', '/api/models', TIMER_LAB_MODEL)).status).toBe(201);
  const pub = await server.call('POST', '/api/models/timer-lab/publish', {});
  expect(pub.status, JSON.stringify(pub.body)).toBe(201);
  return { h: server, setNow: (iso) => (t = Date.parse(iso)) };
}

const deal = async (s: Harness, fields: Record<string, unknown>) => {
  const res = await s.call('POST', '/api/records/deals', { pipeline: 'lab', fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string };
};
const timersOf = async (s: Harness, id: string) =>
  (await s.call('GET', `/api/records/deals/${id}/timers`)).body.items as Timer[];
const timelineOf = async (s: Harness, id: string) =>
  (await s.call('GET', `/api/records/deals/${id}/timeline`)).body.items as Entry[];

describe('working hours', () => {
  it('moves an immediate robot outside hours into the calendar of the responsible, else the default', async () => {
    // Saturday 7 March 2026, 10:00 UTC; Monday 9 March is a holiday in Moscow only.
    const { h: s } = await lab('2026-03-07T10:00:00Z');
    const petrov = await deal(s, { title: 'P', responsible: 'petrov', office: true });
    const ivanov = await deal(s, { title: 'I', responsible: 'ivanov', office: true });
    const [p] = await timersOf(s, petrov.id);
    const [i] = await timersOf(s, ivanov.id);
    // Moscow default: Tuesday 09:00 MSK. Vladivostok (ivanov's own): Monday 09:00 VLAT.
    expect(p).toMatchObject({ ruleId: 'robot:office_hours', dueAt: '2026-03-10T06:00:00.000Z' });
    expect(p?.plannedFor).toBe('2026-03-07T10:00:00.000Z');
    expect(i).toMatchObject({ ruleId: 'robot:office_hours', dueAt: '2026-03-08T23:00:00.000Z' });
    const scheduled = (await timelineOf(s, petrov.id)).find((e) => e.outcome === 'scheduled');
    expect(scheduled?.message).toContain('moved from 2026-03-07T10:00:00.000Z');
    expect(scheduled?.data?.calendar).toBe('moscow');
  });

  it('runs at once inside working hours', async () => {
    const { h: s } = await lab('2026-03-10T07:00:00Z'); // Tuesday 10:00 MSK
    const d = await deal(s, { title: 'P', responsible: 'petrov', office: true });
    expect(await timersOf(s, d.id)).toEqual([]);
    const fired = (await timelineOf(s, d.id)).filter((e) => e.ruleId === 'robot:office_hours');
    expect(fired.map((e) => e.outcome)).toContain('fired');
  });
});

describe('anchor changes, leaving the stage, and the timer routes', () => {
  it('re-plans on anchor change unless the robot keeps, cancels on leaving, lists and cancels by id', async () => {
    const { h: s, setNow } = await lab('2026-03-10T07:00:00Z');
    const d = await deal(s, { title: 'A', responsible: 'petrov', call_at: '2026-03-10T12:00:00Z' });
    const due = async () =>
      Object.fromEntries((await timersOf(s, d.id)).map((t) => [t.ruleId, t.dueAt]));
    expect(await due()).toEqual({
      'robot:before_call': '2026-03-10T11:50:00.000Z',
      'robot:at_call_kept': '2026-03-10T12:00:00.000Z',
    });

    const patch = (fields: Record<string, unknown>) =>
      s.call('PATCH', `/api/records/deals/${d.id}`, { fields });
    expect((await patch({ call_at: '2026-03-10T14:00:00Z' })).status).toBe(200);
    expect(await due()).toEqual({
      'robot:before_call': '2026-03-10T13:50:00.000Z',
      'robot:at_call_kept': '2026-03-10T12:00:00.000Z',
    });
    const replanned = (await timelineOf(s, d.id)).find((e) => e.kind === 'timer_replanned');
    expect(replanned?.data).toMatchObject({
      from: '2026-03-10T11:50:00.000Z',
      to: '2026-03-10T13:50:00.000Z',
      reason: 'anchor_changed',
      field: 'call_at',
    });

    // Filters: by model, entity and due window; bad input is a 400 naming the parameter.
    const list = async (q: string) =>
      ((await s.call('GET', `/api/timers${q}`)).body as { items: Timer[] }).items;
    expect((await list('')).map((t) => t.ruleId)).toEqual([
      'robot:at_call_kept',
      'robot:before_call',
    ]);
    expect(await list('?model=timer-lab&entity=deal')).toHaveLength(2);
    expect(await list('?entity=lead')).toEqual([]);
    expect(await list('?model=other')).toEqual([]);
    expect(
      (await list('?dueAfter=2026-03-10T13:00:00Z&dueBefore=2026-03-10T14:00:00Z')).map(
        (t) => t.ruleId,
      ),
    ).toEqual(['robot:before_call']);
    const bad = await s.call('GET', '/api/timers?dueBefore=yesterday');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain('dueBefore');
    // Paged: one per page, the cursor leads to the second and last.
    const first = (await s.call('GET', '/api/timers?limit=1')).body;
    expect(first.items.map((t: Timer) => t.ruleId)).toEqual(['robot:at_call_kept']);
    expect(typeof first.nextCursor).toBe('string');
    const second = (await s.call('GET', `/api/timers?limit=1&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((t: Timer) => t.ruleId)).toEqual(['robot:before_call']);
    expect(second.nextCursor).toBeNull();
    expect((await s.call('GET', '/api/timers?limit=1001')).status).toBe(400);
    const badCursor = await s.call('GET', '/api/timers?cursor=bm90LWEtY3Vyc29y');
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.code).toBe('INVALID_CURSOR');
    expect((await s.call('GET', '/api/records/deals/deal_nope/timers')).status).toBe(404);

    // Clearing the anchor cancels the re-planned timer; the kept one stays.
    expect((await patch({ call_at: null })).status).toBe(200);
    expect(Object.keys(await due())).toEqual(['robot:at_call_kept']);
    const cleared = (await timelineOf(s, d.id)).find((e) => e.kind === 'timer_cancelled');
    expect(cleared?.data?.reason).toBe('anchor_cleared');

    // onLeaveStage keep: the timer survives the move and still fires after it.
    expect(
      (await s.call('POST', `/api/records/deals/${d.id}/move`, { stage: 'done' })).status,
    ).toBe(200);
    const [kept] = await timersOf(s, d.id);
    expect(kept?.ruleId).toBe('robot:at_call_kept');

    // Cancel by id: 200 with the timer, then 404; the timeline says who.
    expect((await s.call('DELETE', '/api/timers/tmr_unknown')).status).toBe(404);
    const del = await s.call('DELETE', `/api/timers/${kept?.id ?? ''}`);
    expect(del.status).toBe(200);
    expect(del.body.id).toBe(kept?.id);
    expect((await s.call('DELETE', `/api/timers/${kept?.id ?? ''}`)).status).toBe(404);
    expect(await timersOf(s, d.id)).toEqual([]);
    const byUser = (await timelineOf(s, d.id)).filter((e) => e.kind === 'timer_cancelled');
    expect(byUser.map((e) => e.data?.reason)).toEqual(['anchor_cleared', 'cancelled_by_api']);

    setNow('2026-03-10T15:00:00Z');
    expect(await s.conveyor.scheduler.tick()).toBe(0);
  });

  it('cancels on leaving the stage with the reason, and a re-planned time already past fires at once', async () => {
    const { h: s, setNow } = await lab('2026-03-10T07:00:00Z');
    const a = await deal(s, { title: 'A', call_at: '2026-03-10T12:00:00Z' });
    expect(
      (await s.call('POST', `/api/records/deals/${a.id}/move`, { stage: 'done' })).status,
    ).toBe(200);
    expect((await timersOf(s, a.id)).map((t) => t.ruleId)).toEqual(['robot:at_call_kept']);
    const left = (await timelineOf(s, a.id)).find((e) => e.kind === 'timer_cancelled');
    expect(left?.data?.reason).toBe('left_stage');
    expect(left?.message).toContain('left "Waiting"');

    const b = await deal(s, { title: 'B', call_at: '2026-03-10T12:00:00Z' });
    await s.call('PATCH', `/api/records/deals/${b.id}`, {
      fields: { call_at: '2026-03-10T07:05:00Z' },
    });
    const before = (await timersOf(s, b.id)).find((t) => t.ruleId === 'robot:before_call');
    expect(before?.dueAt).toBe('2026-03-10T07:00:00.000Z');
    expect(await s.conveyor.scheduler.tick()).toBe(1);
    setNow('2026-03-10T12:00:00Z');
    // Both at_call_kept timers: a's (kept after the move) and b's (never re-planned).
    expect(await s.conveyor.scheduler.tick()).toBe(2);
    const rec = (await s.call('GET', `/api/records/deals/${b.id}`)).body;
    expect(rec.fields.fires).toBe(1);
  });
});
