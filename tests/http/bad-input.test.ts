import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLLECTIONS } from '../../runtime/domain/collections.js';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

/** [method, path, body, status, text the error must mention] */
type Row = [string, string, unknown, number, string];

/** `{"a": {"a": ... 1}}` as text, `levels` deep: at 5,000 deeper than the store could serialize. */
const nested = (levels: number): string => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;

describe('bad input on every route: 400/404/409/422 naming the place, never a write', () => {
  let h: Harness;
  let deal = '';
  let task = '';
  beforeAll(async () => {
    h = await startServer();
    await h.call('POST', '/api/models', handoffModel);
    await h.call('POST', '/api/models/handoff/publish', {});
    deal = (
      await h.call('POST', '/api/records/deals', { pipeline: 'sales', fields: { title: 'D' } })
    ).body.id;
    await h.call('POST', '/api/directory/users', { key: 'anna', name: 'Anna' });
    task = 'task_missing';
  });
  afterAll(() => h.close());

  const rows = (): Row[] => [
    ['POST', '/api/records/deals', '{"fields": ', 400, 'not valid JSON'],
    [
      'POST',
      '/api/records/deals',
      `{"fields": {"title": "${'x'.repeat(6_000_000)}"}}`,
      413,
      'too large',
    ],
    ['POST', '/api/records/deals', { fields: 3 }, 400, '/fields'],
    ['POST', '/api/records/deals', {}, 400, '/fields'],
    ['POST', '/api/records/deals', { fields: {}, color: 'red' }, 400, '/color'],
    ['POST', '/api/records/deals', { pipeline: 'Bad Key', fields: {} }, 400, '/pipeline'],
    ['POST', '/api/records/deals', { pipeline: 'nowhere', fields: {} }, 422, 'pipeline'],
    ['POST', '/api/records/deals', { model: 'nope', fields: {} }, 422, '/model'],
    [
      'POST',
      '/api/records/deals',
      { pipeline: 'logistics', stage: 'handed_to_courier', fields: {} },
      422,
      'tracking',
    ],
    ['POST', '/api/records/dragons', { fields: {} }, 404, 'dragons'],
    ['POST', '/api/records/deals/import', { records: [{ fields: {} }] }, 400, '/onDuplicate'],
    ['POST', '/api/records/deals/import', { records: [], onDuplicate: 'skip' }, 400, '/records'],
    ['POST', '/api/records/deals/import', { records: {}, onDuplicate: 'skip' }, 400, '/records'],
    [
      'POST',
      '/api/records/deals/import',
      { records: [{ fields: {} }], onDuplicate: 'merge' },
      400,
      '/onDuplicate',
    ],
    [
      'POST',
      '/api/records/deals/import',
      { pipeline: 'nowhere', records: [{ fields: {} }], onDuplicate: 'skip' },
      422,
      'pipeline',
    ],
    [
      'POST',
      '/api/records/dragons/import',
      { records: [{ fields: {} }], onDuplicate: 'skip' },
      404,
      'dragons',
    ],
    ['GET', '/api/records/__proto__', undefined, 404, '__proto__'],
    ['POST', '/api/records/constructor', { fields: {} }, 404, 'constructor'],
    [
      'POST',
      '/api/records/deals',
      { pipeline: 'sales', fields: { amount: 'lots' } },
      422,
      '/fields/amount',
    ],
    [
      'POST',
      '/api/records/deals',
      { pipeline: 'sales', fields: { colour: 'red' } },
      422,
      '/fields/colour',
    ],
    ['POST', '/api/records/deals', { fields: { amount: '5' } }, 422, '/fields/amount'],
    [
      'POST',
      '/api/records/deals',
      { fields: JSON.parse('{"__proto__": {"x": 1}}') },
      422,
      '/fields/__proto__',
    ],
    ['POST', '/api/records/deals', `{"fields": {"deep": ${nested(5000)}}}`, 400, 'deeper than'],
    [
      'POST',
      '/api/models',
      JSON.stringify({ ...handoffModel, id: 'deep' }).replace(/}$/, `, "layout": ${nested(100)}}`),
      400,
      'deeper than',
    ],
    ['GET', '/api/records/deals?color=red', undefined, 400, 'color'],
    ['PATCH', `/api/records/deals/${deal}`, { fields: [] }, 400, '/fields'],
    ['PATCH', `/api/records/deals/${deal}`, { title: 'x' }, 400, '/title'],
    ['PATCH', `/api/records/deals/${deal}`, { fields: { tracking: 5 } }, 422, '/fields/tracking'],
    ['PATCH', `/api/records/deals/${deal}`, { fields: { nope: 5 } }, 422, '/fields/nope'],
    ['PATCH', '/api/records/deals/nope', { fields: {} }, 404, 'nope'],
    ['DELETE', '/api/records/deals/nope', undefined, 404, 'nope'],
    ['POST', `/api/records/deals/${deal}/move`, {}, 400, '/stage'],
    ['POST', `/api/records/deals/${deal}/move`, { stage: 7 }, 400, '/stage'],
    ['POST', `/api/records/deals/${deal}/move`, { stage: 'moon' }, 422, 'moon'],
    ['POST', `/api/records/deals/${deal}/move`, { stage: 'new' }, 409, 'already'],
    [
      'POST',
      `/api/records/deals/${deal}/move`,
      { pipeline: 'logistics', stage: 'handed_to_courier' },
      422,
      'tracking',
    ],
    ['POST', `/api/records/deals/${deal}/links`, { entity: 'dragon', id: 'x' }, 400, '/entity'],
    ['POST', `/api/records/deals/${deal}/links`, { entity: 'contact', id: 'x' }, 422, '/id'],
    ['POST', `/api/records/deals/${deal}/links`, { entity: 'deal', id: deal }, 422, 'itself'],
    ['GET', '/api/records/deals/nope/timeline', undefined, 404, 'nope'],
    ['POST', '/api/events', { kind: 'earthquake', entity: 'deal', recordId: deal }, 400, '/kind'],
    ['POST', '/api/events', { kind: 'payment_received', entity: 'deal' }, 400, '/recordId'],
    [
      'POST',
      '/api/events',
      { kind: 'payment_received', entity: 'deal', recordId: 'nope' },
      422,
      '/recordId',
    ],
    [
      'POST',
      '/api/events',
      { kind: 'generic', entity: 'deal', recordId: deal, payload: 5 },
      400,
      '/payload',
    ],
    ['POST', `/api/tasks/${task}/complete`, undefined, 404, task],
    ['POST', '/api/models', { id: 'x' }, 422, '/schemaVersion'],
    ['POST', '/api/models', [1, 2], 400, 'object'],
    ['POST', '/api/models', handoffModel, 409, 'already exists'],
    ['PUT', '/api/models/handoff', { ...handoffModel, id: 'other' }, 422, '/id'],
    ['PUT', '/api/models/nope', { ...handoffModel, id: 'nope' }, 404, 'nope'],
    ['GET', '/api/models/nope', undefined, 404, 'nope'],
    ['POST', '/api/models/handoff/publish', { note: 5 }, 400, '/note'],
    ['POST', '/api/models/nope/publish', {}, 404, 'nope'],
    ['POST', '/api/models/handoff/rollback', {}, 400, '/version'],
    ['POST', '/api/models/handoff/rollback', { version: 0 }, 400, '/version'],
    ['POST', '/api/models/handoff/rollback', { version: 99 }, 404, '99'],
    ['GET', '/api/models/handoff/versions/99', undefined, 404, '99'],
    ['GET', '/api/models/handoff/versions/abc', undefined, 400, '/n'],
    ['GET', '/api/models/handoff/versions/1.5', undefined, 400, '/n'],
    ['POST', '/api/directory/users', { key: 'bob' }, 400, '/name'],
    ['POST', '/api/directory/users', { key: 'Bob!', name: 'Bob' }, 400, '/key'],
    ['POST', '/api/directory/users', { key: 'anna', name: 'Anna' }, 409, 'anna'],
    ['PUT', '/api/directory/users/anna', { key: 'other', name: 'A' }, 422, '/key'],
    ['POST', '/api/directory/queues', { key: 'q', name: 'Q', users: [] }, 400, '/users'],
    ['POST', '/api/directory/departments', { key: 'd' }, 400, '/name'],
    [
      'POST',
      '/api/directory/queues',
      { key: 'q', name: 'Q', users: ['anna', 'ghost'] },
      422,
      '/users/1',
    ],
    ['PUT', '/api/directory/queues/q', { key: 'q', name: 'Q', users: ['ghost'] }, 422, '/users/0'],
    [
      'POST',
      '/api/directory/departments',
      { key: 'd', name: 'D', manager: 'ghost' },
      422,
      '/manager',
    ],
    ['DELETE', '/api/directory/users/nope', undefined, 404, 'nope'],
    ['GET', '/api/directory/users/nope', undefined, 404, 'nope'],
    ['PUT', '/api/directory/departments/d', { key: 'e', name: 'E' }, 422, '/key'],
    ['GET', '/api/models/nope/versions', undefined, 404, 'nope'],
    ['GET', '/api/models/nope/ruleset', undefined, 404, 'nope'],
    ['DELETE', '/api/models/nope/draft', undefined, 404, 'nope'],
    ['GET', '/api/records/deals/nope', undefined, 404, 'nope'],
    ['GET', '/api/records/deals/nope/tasks', undefined, 404, 'nope'],
    ['GET', '/api/nowhere', undefined, 404, 'route'],
  ];

  it('answers each row with its status and mentions the JSON path; nothing was written', async () => {
    const snapshot = async () =>
      JSON.stringify(await Promise.all(COLLECTIONS.map((c) => h.snapshot(c))));
    const before = await snapshot();
    for (const [method, path, body, status, mention] of rows()) {
      const res = await h.call(method, path, body);
      const label = `${method} ${path} ${JSON.stringify(body)} -> ${JSON.stringify(res.body)}`;
      expect(res.status, label).toBe(status);
      expect(res.body?.error?.code, label).toMatch(/^[A-Z_]+$/);
      expect(JSON.stringify(res.body.error), label).toContain(mention);
    }
    expect(await snapshot()).toBe(before);
  });

  it('a model with analyzer errors is saved as a draft but refused at publish with diagnostics', async () => {
    const text = JSON.stringify({ ...handoffModel, id: 'broken' });
    // The linked record goes to a pipeline that does not exist: an analyzer error.
    const broken: unknown = JSON.parse(
      text.replace('"pipeline":"logistics"', '"pipeline":"missing"'),
    );
    expect((await h.call('POST', '/api/models', broken)).status).toBe(201);
    const res = await h.call('POST', '/api/models/broken/publish', {});
    expect(res.status).toBe(422);
    expect(
      res.body.error.diagnostics.some(
        (d: { severity: string; path: string }) =>
          d.severity === 'error' && d.path.includes('/robots/0/action'),
      ),
    ).toBe(true);
    expect((await h.call('GET', '/api/models/broken/versions')).body.items).toEqual([]);
  });
});
