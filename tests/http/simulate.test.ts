import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

const model = JSON.parse(readFileSync('examples/reaction-time-control/model.json', 'utf8'));
const min = (value: number) => ({ value, unit: 'minutes' });

const create = {
  at: min(0),
  do: 'create',
  ref: 'd2',
  entity: 'deal',
  pipeline: 'sales',
  stage: 'new_request',
  fields: { title: 'Server', responsible: 'ivanov', amount: 2_000_000 },
};
const noticesExpected = (count: number | undefined) => [
  { notification: { to: 'ivanov', contains: '15' }, between: [min(15), min(15)], count },
  { rule: { nodeId: 'robot:warn_after_25_min', ref: 'd2' }, between: [min(25), min(25)], count },
  { notification: { to: 'kuznetsova' }, between: [min(30), min(30)], count },
];

describe('POST /api/simulate', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.close();
  });

  it('scenario 4, nobody reacts: reminder at +15, warning at +25, manager at +30', async () => {
    const res = await h.call('POST', '/api/simulate', {
      model,
      horizon: { value: 1, unit: 'hours' },
      steps: [create],
      expect: [{ at: min(31), ref: 'd2', stage: 'new_request' }, ...noticesExpected(1)],
    });
    expect(res.status).toBe(200);
    expect(res.body.expectations.map((e: { passed: boolean }) => e.passed)).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(res.body.passed).toBe(true);
    const fired = res.body.timeline
      .filter((e: { outcome?: string; kind: string }) => e.kind === 'rule' && e.outcome === 'fired')
      .map((e: { minute: number; nodeId: string }) => `${e.minute} ${e.nodeId}`);
    expect(fired).toEqual([
      '0 robot:notify_new_request',
      '15 robot:remind_after_15_min',
      '25 robot:warn_after_25_min',
      '30 robot:escalate_after_30_min',
    ]);
    // Nothing leaked into the runtime's own store.
    expect(await h.snapshot('records')).toEqual([]);
  });

  it('scenario 4, moved to In progress at +10: none of the notices', async () => {
    const res = await h.call('POST', '/api/simulate', {
      model,
      horizon: { value: 1, unit: 'hours' },
      steps: [create, { at: min(10), do: 'move', ref: 'd2', stage: 'in_progress' }],
      expect: [{ at: min(10), ref: 'd2', stage: 'in_progress' }, ...noticesExpected(0)],
    });
    expect(res.status).toBe(200);
    expect(res.body.passed).toBe(true);
    expect(res.body.timers).toEqual([]);
    const cancelled = res.body.timeline.filter(
      (e: { kind: string }) => e.kind === 'timer_cancelled',
    );
    expect(cancelled.map((e: { minute: number }) => e.minute)).toEqual([10, 10, 10]);
    expect(cancelled.map((e: { outcome: string }) => e.outcome)).toEqual([
      'cancelled',
      'cancelled',
      'cancelled',
    ]);
  });

  it('reports unmet expectations with what was found', async () => {
    const res = await h.call('POST', '/api/simulate', {
      model,
      horizon: { value: 1, unit: 'hours' },
      steps: [create],
      expect: [{ at: min(20), ref: 'd2', stage: 'in_progress' }],
    });
    expect(res.status).toBe(200);
    expect(res.body.passed).toBe(false);
    expect(res.body.expectations[0]).toMatchObject({
      passed: false,
      description: 'd2 in stage in_progress at +00:20',
      actual: { stage: 'new_request' },
    });
  });

  it('runs a published version by modelId with the runtime directory', async () => {
    const draft = { ...model, id: 'rtc-sim' };
    expect((await h.call('POST', '/api/models', draft)).status).toBe(201);
    const notPublished = await h.call('POST', '/api/simulate', { modelId: 'rtc-sim' });
    expect(notPublished.status).toBe(422);
    expect(notPublished.body.error.code).toBe('NOT_PUBLISHED');
    expect((await h.call('POST', '/api/models/rtc-sim/publish', {})).status).toBe(201);
    const res = await h.call('POST', '/api/simulate', {
      modelId: 'rtc-sim',
      horizon: { value: 1, unit: 'hours' },
      steps: [create],
      expect: noticesExpected(1),
    });
    expect(res.status).toBe(200);
    expect(res.body.model).toEqual({ id: 'rtc-sim', version: 1 });
    expect(res.body.passed).toBe(true);
    expect((await h.call('POST', '/api/simulate', { modelId: 'rtc-sim', version: 7 })).status).toBe(
      404,
    );
    expect((await h.call('POST', '/api/simulate', { modelId: 'nope' })).status).toBe(404);
  });

  const broken = structuredClone(model);
  broken.pipelines[0].stages[0].robots[0].action = { type: 'change_stage', stage: 'nowhere' };

  it.each([
    ['not JSON', '{"model":', 400, 'MALFORMED_JSON', ''],
    ['no model', { steps: [] }, 400, 'INVALID_SCENARIO', '/'],
    ['model and modelId', { model, modelId: 'x' }, 400, 'INVALID_SCENARIO', '/'],
    [
      'unknown step',
      { model, steps: [{ at: min(0), do: 'explode', ref: 'd2' }] },
      400,
      'INVALID_REQUEST',
      '/steps/0/do',
    ],
    [
      'bad duration',
      { model, steps: [{ ...create, at: { value: -1, unit: 'minutes' } }] },
      400,
      'INVALID_REQUEST',
      '/steps/0/at/value',
    ],
    [
      'step after the horizon',
      { model, horizon: min(5), steps: [{ ...create, at: min(10) }] },
      400,
      'INVALID_SCENARIO',
      '/steps/0/at',
    ],
    [
      'expectation with two subjects',
      { model, expect: [{ ref: 'd2', stage: 'x', outbox: {} }] },
      400,
      'INVALID_SCENARIO',
      '/expect/0',
    ],
    [
      'unknown ref',
      { model, steps: [{ at: min(1), do: 'move', ref: 'ghost', stage: 'in_progress' }] },
      422,
      'UNKNOWN_REF',
      '/steps/0/ref',
    ],
    ['analyzer errors', { model: broken }, 422, 'ANALYZER_ERRORS', ''],
    [
      'record in an unknown stage',
      { model, records: [{ ref: 'a', entity: 'deal', pipeline: 'sales', stage: 'nowhere' }] },
      422,
      'INVALID_RECORDS',
      '/records/0/stage',
    ],
  ])('%s', async (_name, body, status, code, path) => {
    const res = await h.call('POST', '/api/simulate', body);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (path !== '')
      expect(res.body.error.diagnostics.map((d: { path: string }) => d.path)).toContain(path);
  });

  it('is in the OpenAPI document with the scenario schema as its body', async () => {
    const doc = (await h.call('GET', '/api/openapi.json')).body;
    const op = doc.paths['/api/simulate'].post;
    expect(op.requestBody.content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/SimulationScenario',
    });
    const body = doc.components.schemas.SimulationScenario;
    expect(Object.keys(body.properties)).toEqual(
      expect.arrayContaining(['model', 'modelId', 'steps', 'expect', 'horizon']),
    );
    expect(Object.keys(op.responses)).toEqual(
      expect.arrayContaining(['200', '400', '401', '404', '422']),
    );
  });

  it('a refused move is a timeline entry, not an error', async () => {
    const res = await h.call('POST', '/api/simulate', {
      model,
      horizon: min(5),
      steps: [create, { at: min(1), do: 'move', ref: 'd2', stage: 'new_request' }],
    });
    expect(res.status).toBe(200);
    const step = res.body.timeline.filter((e: { kind: string }) => e.kind === 'step')[1];
    expect(step).toMatchObject({ minute: 1, ref: 'd2', outcome: 'refused' });
  });
});
