import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

/*
 * Conditions an admin (or an attacker with designer access) can write, run by the
 * started server the way a deal moving into a stage runs them: what the engine
 * evaluates must be the guarded, bounded evaluator, and a condition that goes wrong
 * is a failure in the record's timeline, never a 500, a stall or a dead process.
 */

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

/** `var` paths assembled at run time, so the publish-time check cannot see them. */
const PROTO = { var: { cat: ['__pro', 'to__'] } };
const CTOR = { var: { cat: ['constr', 'uctor'] } };

/** Issue 11's 184-byte condition: a reduce that merges its accumulator with itself. */
const MERGE_BOMB = {
  reduce: [range(40), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [0]],
};

/** Four nested `some` over 60-element lists, none constant (13 million inner runs). */
function nestedSome(): unknown {
  let inner: unknown = { '==': [{ var: '' }, -1] };
  for (let i = 0; i < 4; i++) inner = { some: [{ merge: [range(60), { var: '' }] }, inner] };
  return inner;
}

const stage = (key: string, robots: unknown[] = []) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots,
  triggers: [],
});

const robot = (id: string, action: unknown, condition?: unknown) => ({
  id,
  ...(condition === undefined ? {} : { condition }),
  timing: { kind: 'immediate' },
  action,
});

const comment = { type: 'add_comment', text: 'ran' };

/** One stage per case: moving a deal into it runs that stage's robot. */
const MODEL = {
  schemaVersion: 1,
  id: 'hostile',
  name: 'Hostile conditions',
  entities: {
    deal: {
      fields: [
        { key: 'note', label: 'Note', type: 'string' },
        { key: 'days', label: 'Days', type: 'number' },
        { key: 'follow_up', label: 'Follow up', type: 'datetime' },
      ],
    },
  },
  directory: {
    users: [
      { key: 'anna', name: 'Anna' },
      { key: 'boris', name: 'Boris' },
    ],
    departments: [],
    queues: [],
  },
  pipelines: [
    {
      key: 'sales',
      name: 'Sales',
      entity: 'deal',
      stages: [
        stage('start'),
        stage('proto_condition', [robot('proto_is_empty', comment, { '==': [PROTO, null] })]),
        stage('proto_value', [
          robot('note_proto', {
            type: 'update_fields',
            set: [{ field: 'note', value: { cat: ['proto=', PROTO, ' ctor=', CTOR] } }],
          }),
        ]),
        stage('proto_assignment', [
          robot('assign_by_proto', {
            type: 'assign',
            target: {
              kind: 'rules',
              rules: [
                { condition: { '==': [PROTO, null] }, target: { kind: 'user', user: 'anna' } },
              ],
              otherwise: { kind: 'user', user: 'boris' },
            },
          }),
        ]),
        stage('merge_bomb', [robot('merge_bomb', comment, { '!': MERGE_BOMB })]),
        stage('nested_some', [robot('nested_some', comment, nestedSome())]),
        stage('date_condition', [
          robot('soon', comment, {
            '<': [{ date_add: [{ var: '$now' }, { var: 'days' }, 'days'] }, '2100-01-01'],
          }),
        ]),
        stage('date_value', [
          robot('plan_follow_up', {
            type: 'update_fields',
            set: [
              {
                field: 'follow_up',
                value: { date_add: [{ var: '$now' }, { var: 'days' }, 'days'] },
              },
            ],
          }),
        ]),
      ],
    },
  ],
};

interface Entry {
  kind: string;
  ruleId?: string;
  outcome?: string;
  message: string;
}

describe('conditions at run time, against a started server', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    const saved = await h.call('POST', '/api/models', MODEL);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    const published = await h.call('POST', '/api/models/hostile/publish', {});
    expect(published.status, JSON.stringify(published.body)).toBe(201);
  });
  afterAll(async () => {
    await h.close();
  });

  /** Creates a deal, moves it into `to`, and returns the move's answer and the deal's timeline. */
  async function moveInto(to: string, fields: Record<string, unknown> = {}) {
    const created = await h.call('POST', '/api/records/deals', {
      model: 'hostile',
      pipeline: 'sales',
      stage: 'start',
      fields: { title: to, ...fields },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const id = created.body.id as string;
    const moved = await h.call('POST', `/api/records/deals/${id}/move`, { stage: to });
    const timeline = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body
      .items as Entry[];
    const record = (await h.call('GET', `/api/records/deals/${id}`)).body;
    return { moved, timeline, record };
  }

  /** The robot's decision (compiled rule ids are `robot:<id>`). */
  const ruleEntry = (timeline: Entry[], robotId: string) =>
    timeline.find((e) => e.kind === 'rule' && e.ruleId === `robot:${robotId}`);

  it('a condition that builds "__proto__" at run time reads nothing, not the prototype', async () => {
    const { moved, timeline } = await moveInto('proto_condition');
    expect(moved.status).toBe(200);
    // json-logic-js would hand back Object.prototype, which is not null.
    expect(ruleEntry(timeline, 'proto_is_empty')?.outcome).toBe('fired');
  });

  it('a computed field value cannot read the prototype or the constructor', async () => {
    const { moved, record } = await moveInto('proto_value');
    expect(moved.status).toBe(200);
    expect(record.fields.note).toBe('proto= ctor=');
  });

  it('an assignment table row evaluates with the same guard', async () => {
    const { record } = await moveInto('proto_assignment');
    expect(record.fields.responsible).toBe('anna');
  });

  it('the 184-byte reduce-over-merge bomb fails the robot with its reason; the server stays up', async () => {
    const { moved, timeline } = await moveInto('merge_bomb');
    expect(moved.status).toBe(200);
    expect(moved.body.stage).toBe('merge_bomb');
    const entry = ruleEntry(timeline, 'merge_bomb');
    expect(entry?.outcome).toBe('failed');
    expect(entry?.message).toMatch(
      /condition failed: evaluation stopped: more than 1,000,000 list elements/,
    );
    expect(timeline.some((e) => e.kind === 'action' && e.ruleId === 'robot:merge_bomb')).toBe(
      false,
    );
    expect((await h.call('GET', '/api/health')).status).toBe(200);
  });

  it('four nested some over 60-element lists run out of operations instead of stalling', async () => {
    const { moved, timeline } = await moveInto('nested_some');
    expect(moved.status).toBe(200);
    const entry = ruleEntry(timeline, 'nested_some');
    expect(entry?.outcome).toBe('failed');
    expect(entry?.message).toMatch(/more than 1,000,000 operations/);
  });

  it('date_add with an absurd amount from the record fails the robot, not the request', async () => {
    const { moved, timeline } = await moveInto('date_condition', { days: 1e12 });
    expect(moved.status).toBe(200);
    const entry = ruleEntry(timeline, 'soon');
    expect(entry?.outcome).toBe('failed');
    expect(entry?.message).toMatch(
      /date_add: .* plus 1000000000000 days is outside the range of dates/,
    );
  });

  it('date_add overflowing in a computed field value is a recorded action failure', async () => {
    const { moved, timeline, record } = await moveInto('date_value', { days: -1e12 });
    expect(moved.status).toBe(200);
    const action = timeline.find((e) => e.kind === 'action' && e.ruleId === 'robot:plan_follow_up');
    expect(action?.outcome).toBe('failed');
    expect(action?.message).toMatch(/outside the range of dates/);
    expect(record.fields.follow_up).toBeUndefined();
  });
});
