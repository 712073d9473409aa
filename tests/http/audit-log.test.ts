import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '../../runtime/access/built-in-permissions.js';
import { actorIdOf } from '../../runtime/domain/actor-id.js';
import type { AuditEntry } from '../../runtime/domain/security-types.js';
import { apiTokenId } from '../../runtime/identity/secret-tokens.js';
import { startServer, type Answer, type Harness } from './server-harness.js';

const stage = (key: string, extra: Record<string, unknown> = {}) => ({
  key,
  name: key,
  kind: 'in_progress',
  robots: [],
  triggers: [],
  ...extra,
});

/** Entering `new`, a robot sets a field and makes a task; `paid` listens to a webhook. */
const MODEL = {
  schemaVersion: 1,
  id: 'audited',
  name: 'Audited',
  entities: { deal: { fields: [{ key: 'priority', label: 'Priority', type: 'string' }] } },
  directory: { users: [{ key: 'ivanov', name: 'Ivan Ivanov' }], departments: [], queues: [] },
  pipelines: [
    {
      key: 'flow',
      name: 'Flow',
      entity: 'deal',
      stages: [
        stage('new', {
          robots: [
            {
              id: 'prioritise',
              timing: { kind: 'immediate' },
              action: { type: 'update_fields', set: [{ field: 'priority', value: 'high' }] },
            },
            {
              id: 'call',
              timing: { kind: 'immediate' },
              action: {
                type: 'create_task',
                title: 'Call',
                assignee: { kind: 'user', user: 'ivanov' },
                deadline: { from: 'now', offset: { value: 1, unit: 'days' } },
              },
            },
          ],
        }),
        stage('paid', {
          triggers: [
            {
              id: 'paid_hook',
              type: 'inbound_webhook',
              condition: { '>=': [{ var: '$event.amount' }, 100] },
            },
          ],
        }),
        stage('done'),
      ],
    },
  ],
};

const ROBOT = (ruleId: string) => `audited/${ruleId}`;

/** What one route's call must write: these kinds exactly, each by this actor id. */
interface Case {
  call(): Promise<Answer>;
  status: number;
  kinds: string[];
  /** Default: the owner's API token. */
  actor?: string;
  /** Runs after the call with the new entries (extra checks). */
  check?(entries: AuditEntry[]): void;
}

describe('audit log (issue 12): every mutating route writes its entries in the same commit', () => {
  let h: Harness;
  let ownerTokenId: string;
  let seq = 0;

  beforeAll(async () => {
    h = await startServer();
    ownerTokenId = apiTokenId(h.ownerToken ?? '') ?? '';
  });
  afterAll(() => h.close());

  /** Every audit entry, oldest first (read from the store, not through the route). */
  const all = async (): Promise<AuditEntry[]> =>
    (await h.store.query('audit', {}, { limit: 1000 })).items;

  async function written(
    fn: () => Promise<Answer>,
  ): Promise<{ res: Answer; entries: AuditEntry[] }> {
    const before = new Set((await all()).map((e) => e.id));
    const res = await fn();
    return { res, entries: (await all()).filter((e) => !before.has(e.id)) };
  }

  const post = (path: string, body?: unknown) => () => h.call('POST', path, body ?? {});
  const deal = async (fields: Record<string, unknown> = {}) =>
    (await h.call('POST', '/api/records/deals', { fields: { title: `D${++seq}`, ...fields } })).body
      .id as string;
  const pipelineDeal = async () =>
    (
      await h.call('POST', '/api/records/deals', {
        model: 'audited',
        pipeline: 'flow',
        fields: { title: `P${++seq}` },
      })
    ).body as { id: string };

  /** Writes a document straight into the store (a parked timer, a dead letter). */
  const put = (collection: 'timers' | 'outbox', value: { id: string; [k: string]: unknown }) =>
    h.store.commit([{ op: 'put', collection, key: value.id, value } as never]);

  function timer(recordId: string, extra: Record<string, unknown> = {}) {
    return {
      id: `tm_${++seq}`,
      dueAt: '2099-01-01T00:00:00.000Z',
      ruleId: 'robot:call',
      recordId,
      entity: 'deal',
      modelId: 'audited',
      version: 1,
      pipeline: 'flow',
      stage: 'new',
      eventId: `evt_${seq}`,
      idempotencyKey: `k${seq}`,
      onLeaveStage: 'keep',
      ...extra,
    };
  }

  /** One case per non-GET route of the route table, keyed `METHOD path`. */
  async function cases(): Promise<Record<string, Case | 'read-only'>> {
    const signer = await h.accountWithRole('manager');
    await h.call('POST', '/api/models', MODEL);
    await h.call('POST', '/api/models/audited/publish', {});
    return {
      'POST /api/auth/setup': {
        // The owner exists: refused, nothing written (the setup itself: its own test below).
        call: post('/api/auth/setup', { token: 'x', email: 'a@b.cd', password: 'p', name: 'n' }),
        status: 410,
        kinds: [],
      },
      'POST /api/auth/sign-in': {
        call: () =>
          h.callAs(null, 'POST', '/api/auth/sign-in', {
            email: signer.email,
            password: signer.password,
          }),
        status: 200,
        kinds: ['auth.sign_in'],
        actor: signer.id,
        check: (e) => expect(e[0]?.address).toBe('127.0.0.1'),
      },
      'POST /api/auth/sign-out': {
        call: async () =>
          h.callAs(await h.signIn(signer.email, signer.password), 'POST', '/api/auth/sign-out', {}),
        status: 204,
        kinds: ['auth.sign_in', 'auth.sign_out'],
        actor: signer.id,
      },
      'POST /api/auth/password': {
        call: async () => {
          const who = await h.signIn(signer.email, signer.password);
          return h.callAs(who, 'POST', '/api/auth/password', {
            currentPassword: signer.password,
            newPassword: signer.password,
          });
        },
        status: 204,
        kinds: ['auth.sign_in', 'account.password_changed'],
        actor: signer.id,
        check: (e) => expect(JSON.stringify(e)).not.toContain(signer.password),
      },
      'DELETE /api/auth/sessions/:id': {
        call: async () => {
          const a = await h.signIn(signer.email, signer.password);
          await h.signIn(signer.email, signer.password);
          const list = (await h.callAs(a, 'GET', '/api/auth/sessions')).body.items as Array<{
            id: string;
            current: boolean;
          }>;
          const other = list.find((s) => !s.current)?.id ?? '';
          return h.callAs(a, 'DELETE', `/api/auth/sessions/${other}`);
        },
        status: 204,
        kinds: ['auth.sign_in', 'auth.sign_in', 'auth.session_revoked'],
        actor: signer.id,
      },
      'POST /api/tokens': {
        call: post('/api/tokens', { name: 'ci', role: 'viewer' }),
        status: 201,
        kinds: ['token.created'],
        check: (e) => expect(JSON.stringify(e)).not.toMatch(/cvy_/),
      },
      'DELETE /api/tokens/:id': {
        call: async () => {
          const t = (await h.call('POST', '/api/tokens', { name: 'old', role: 'viewer' })).body;
          return h.call('DELETE', `/api/tokens/${t.id}`);
        },
        status: 204,
        kinds: ['token.created', 'token.revoked'],
      },
      'POST /api/accounts': {
        call: post('/api/accounts', {
          email: `new${++seq}@conveyor.test`,
          password: 'a-long-password',
          role: 'viewer',
        }),
        status: 201,
        kinds: ['account.created'],
        check: (e) => {
          expect(e[0]?.changes?.role).toEqual({ after: 'viewer' });
          expect(JSON.stringify(e)).not.toMatch(/passwordHash|a-long-password|argon|scrypt/);
        },
      },
      'PATCH /api/accounts/:id': {
        call: () => h.call('PATCH', `/api/accounts/${signer.id}`, { role: 'viewer' }),
        status: 200,
        kinds: ['account.updated'],
        check: (e) =>
          expect(e[0]?.changes).toEqual({ role: { before: 'manager', after: 'viewer' } }),
      },
      'POST /api/accounts/:id/password': {
        call: post(`/api/accounts/${signer.id}/password`, { newPassword: signer.password }),
        status: 204,
        kinds: ['account.password_reset'],
        check: (e) => expect(e[0]?.target).toBe(signer.id),
      },
      'POST /api/directory/users': {
        call: post('/api/directory/users', { key: 'petrov', name: 'Petr Petrov' }),
        status: 201,
        kinds: ['directory.created'],
      },
      'PUT /api/directory/users/:key': {
        call: () =>
          h.call('PUT', '/api/directory/users/petrov', { key: 'petrov', name: 'P. Petrov' }),
        status: 200,
        kinds: ['directory.updated'],
        check: (e) =>
          expect(e[0]?.changes).toEqual({ name: { before: 'Petr Petrov', after: 'P. Petrov' } }),
      },
      'DELETE /api/directory/users/:key': {
        call: () => h.call('DELETE', '/api/directory/users/petrov'),
        status: 204,
        kinds: ['directory.removed'],
      },
      'POST /api/directory/departments': {
        call: post('/api/directory/departments', { key: 'sales', name: 'Sales' }),
        status: 201,
        kinds: ['directory.created'],
      },
      'PUT /api/directory/departments/:key': {
        call: () =>
          h.call('PUT', '/api/directory/departments/sales', { key: 'sales', name: 'Sales 2' }),
        status: 200,
        kinds: ['directory.updated'],
      },
      'DELETE /api/directory/departments/:key': {
        call: () => h.call('DELETE', '/api/directory/departments/sales'),
        status: 204,
        kinds: ['directory.removed'],
      },
      'POST /api/directory/queues': {
        call: post('/api/directory/queues', { key: 'q', name: 'Q', users: [signer.userId] }),
        status: 201,
        kinds: ['directory.created'],
      },
      'PUT /api/directory/queues/:key': {
        call: () =>
          h.call('PUT', '/api/directory/queues/q', {
            key: 'q',
            name: 'Q2',
            users: [signer.userId],
          }),
        status: 200,
        kinds: ['directory.updated'],
      },
      'DELETE /api/directory/queues/:key': {
        call: () => h.call('DELETE', '/api/directory/queues/q'),
        status: 204,
        kinds: ['directory.removed'],
      },
      'POST /api/models': {
        call: post('/api/models', { ...MODEL, id: 'second', name: 'Second' }),
        status: 201,
        kinds: ['model.created'],
      },
      'PUT /api/models/:id': {
        call: () => h.call('PUT', '/api/models/second', { ...MODEL, id: 'second', name: 'Two' }),
        status: 200,
        kinds: ['model.draft_saved'],
      },
      'POST /api/models/:id/publish': {
        call: post('/api/models/second/publish', { note: 'first' }),
        status: 201,
        kinds: ['model.published'],
        check: (e) => expect(e[0]?.changes).toEqual({ publishedVersion: { after: 1 } }),
      },
      'DELETE /api/models/:id/draft': {
        call: async () => {
          const third = { ...MODEL, id: 'third', name: 'Third' };
          await h.call('POST', '/api/models', third);
          await h.call('POST', '/api/models/third/publish', {});
          await h.call('PUT', '/api/models/third', { ...third, name: 'Changed' });
          return h.call('DELETE', '/api/models/third/draft');
        },
        status: 200,
        kinds: ['model.created', 'model.published', 'model.draft_saved', 'model.draft_discarded'],
      },
      'POST /api/models/:id/rollback': {
        call: async () => {
          await h.call('PUT', '/api/models/second', { ...MODEL, id: 'second', name: 'Four' });
          await h.call('POST', '/api/models/second/publish', {});
          return h.call('POST', '/api/models/second/rollback', { version: 1 });
        },
        status: 201,
        kinds: ['model.draft_saved', 'model.published', 'model.rolled_back'],
      },
      'POST /api/examples/:slug/copy': {
        call: async () => {
          const slug = (await h.call('GET', '/api/examples')).body[0].slug as string;
          return h.call('POST', `/api/examples/${slug}/copy`);
        },
        status: 201,
        kinds: ['model.created'],
      },
      'POST /api/records/:entity': {
        call: post('/api/records/deals', { fields: { title: 'Plain' } }),
        status: 201,
        kinds: ['record.created'],
        check: (e) =>
          expect(e[0]).toMatchObject({ entity: 'deal', changes: { title: { after: 'Plain' } } }),
      },
      'PATCH /api/records/:entity/:id': {
        call: async () =>
          h.call('PATCH', `/api/records/deals/${await deal({ amount: 1 })}`, {
            fields: { amount: 2 },
          }),
        status: 200,
        kinds: ['record.created', 'record.updated'],
        check: (e) => expect(e[1]?.changes).toEqual({ amount: { before: 1, after: 2 } }),
      },
      'DELETE /api/records/:entity/:id': {
        call: async () => h.call('DELETE', `/api/records/deals/${await deal()}`),
        status: 204,
        kinds: ['record.created', 'record.deleted'],
      },
      'POST /api/records/:entity/:id/move': {
        call: async () => {
          const d = await pipelineDeal();
          return h.call('POST', `/api/records/deals/${d.id}/move`, { stage: 'done' });
        },
        status: 200,
        // The deal's creation (and its robots) is part of this case's setup.
        kinds: ['record.created', 'record.updated', 'record.moved'],
      },
      'POST /api/records/:entity/:id/links': {
        call: async () => {
          const [a, b] = [await deal(), await deal()];
          return h.call('POST', `/api/records/deals/${a}/links`, { entity: 'deal', id: b });
        },
        status: 200,
        kinds: ['record.created', 'record.created', 'record.linked'],
      },
      'POST /api/records/:entity/import': {
        call: post('/api/records/deals/import', {
          records: [{ fields: { title: 'Imported' } }],
          onDuplicate: 'create',
        }),
        status: 200,
        kinds: ['record.created'],
      },
      'POST /api/events': {
        call: async () =>
          h.call('POST', '/api/events', {
            kind: 'payment_received',
            entity: 'deal',
            recordId: await deal(),
            payload: { amount: 5 },
          }),
        status: 200,
        kinds: ['record.created', 'record.event'],
      },
      'POST /api/tasks/:id/complete': {
        call: async () => {
          const d = await pipelineDeal();
          const task = (await h.call('GET', `/api/records/deals/${d.id}/tasks`)).body.items[0];
          return h.call('POST', `/api/tasks/${task.id}/complete`);
        },
        status: 200,
        kinds: ['record.created', 'record.updated', 'task.completed'],
      },
      'POST /api/hooks/:token': {
        call: async () => {
          const d = await pipelineDeal();
          const path = (await h.call('GET', '/api/models/audited/hooks')).body[0].path as string;
          return h.callAs(null, 'POST', path, {
            entity: 'deal',
            recordId: d.id,
            payload: { amount: 500 },
          });
        },
        status: 200,
        // Setup: the owner's create and the robot's field; then the trigger's call and move.
        kinds: ['record.created', 'record.updated', 'hook.received', 'record.moved'],
        actor: ROBOT('trigger:paid_hook'),
      },
      'POST /api/timers/:id/retry': {
        call: async () => {
          const t = timer(await deal(), { status: 'failed', attempts: 3, lastError: 'x' });
          await put('timers', t);
          return h.call('POST', `/api/timers/${t.id}/retry`);
        },
        status: 200,
        kinds: ['record.created', 'timer.retried'],
      },
      'DELETE /api/timers/:id': {
        call: async () => {
          const t = timer(await deal());
          await put('timers', t);
          return h.call('DELETE', `/api/timers/${t.id}`);
        },
        status: 200,
        kinds: ['record.created', 'timer.cancelled'],
      },
      'POST /api/dead-letters/:id/replay': {
        call: async () => {
          const id = `ob_${++seq}`;
          await put('outbox', {
            id,
            recordId: await deal(),
            kind: 'send_email',
            to: 'a@example.com',
            body: 'Hi',
            createdAt: new Date().toISOString(),
            idempotencyKey: id,
            status: 'dead',
          });
          return h.call('POST', `/api/dead-letters/${id}/replay`);
        },
        status: 200,
        kinds: ['record.created', 'outbox.replayed'],
      },
      'DELETE /api/dead-letters/:id': {
        call: async () => {
          const id = `ob_${++seq}`;
          await put('outbox', {
            id,
            recordId: await deal(),
            kind: 'send_email',
            to: 'a@example.com',
            body: 'Hi',
            createdAt: new Date().toISOString(),
            idempotencyKey: id,
            status: 'dead',
          });
          return h.call('DELETE', `/api/dead-letters/${id}`);
        },
        status: 200,
        kinds: ['record.created', 'delivery.dropped'],
      },
      'POST /api/models/:id/hooks/:trigger/regenerate': {
        call: async () => {
          const hooks = (await h.call('GET', '/api/models/audited/hooks')).body as Array<{
            triggerId: string;
          }>;
          const trigger = hooks[0]?.triggerId ?? 'missing';
          return h.call('POST', `/api/models/audited/hooks/${trigger}/regenerate`);
        },
        status: 200,
        kinds: ['hook.regenerated'],
        check: (entries) => {
          // The new address's secret never reaches the log.
          expect(JSON.stringify(entries)).not.toMatch(/\/api\/hooks\/[A-Za-z0-9_-]{16,}/);
        },
      },
      'POST /api/recycle-bin/:entity/:id/restore': {
        call: async () => {
          const id = await deal();
          await h.call('DELETE', `/api/records/deals/${id}`);
          return h.call('POST', `/api/recycle-bin/deals/${id}/restore`);
        },
        status: 200,
        kinds: ['record.created', 'record.deleted', 'record.restored'],
      },
      'DELETE /api/recycle-bin/:entity/:id': {
        call: async () => {
          const id = await deal();
          await h.call('DELETE', `/api/records/deals/${id}`);
          return h.call('DELETE', `/api/recycle-bin/deal/${id}`);
        },
        status: 204,
        kinds: ['record.created', 'record.deleted', 'record.purged'],
      },
      'PUT /api/settings/recycle-bin-retention': {
        call: () => h.call('PUT', '/api/settings/recycle-bin-retention', { days: 45 }),
        status: 200,
        kinds: ['setting.changed'],
        check: (e) =>
          expect(e[0]).toMatchObject({
            target: 'recycleBinRetentionDays',
            changes: { recycleBinRetentionDays: { before: 30, after: 45 } },
          }),
      },
      'POST /api/roles': {
        call: post('/api/roles', {
          key: 'watcher',
          name: 'Watcher',
          permissions: BUILT_IN_PERMISSIONS.viewer,
        }),
        status: 201,
        kinds: ['role.created'],
      },
      'PUT /api/roles/:key': {
        call: () =>
          h.call('PUT', '/api/roles/watcher', {
            name: 'Watcher 2',
            permissions: BUILT_IN_PERMISSIONS.viewer,
          }),
        status: 200,
        kinds: ['role.updated'],
      },
      'DELETE /api/roles/:key': {
        call: () => h.call('DELETE', '/api/roles/watcher'),
        status: 204,
        kinds: ['role.deleted'],
      },
      'POST /api/simulate': 'read-only',
    };
  }

  it('has a case for every route that is not a GET, and each writes exactly its entries', async () => {
    const table = await cases();
    const mutating = h.conveyor.routes
      .filter((r) => r.method !== 'get')
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    // A new mutating route without a case here fails this test.
    expect(mutating.filter((k) => table[k] === undefined)).toEqual([]);
    for (const key of mutating) {
      const c = table[key];
      if (c === undefined || c === 'read-only') continue;
      const { res, entries } = await written(c.call);
      expect({ key, status: res.status }).toEqual({ key, status: c.status });
      expect({ key, kinds: entries.map((e) => e.kind) }).toEqual({ key, kinds: c.kinds });
      // The route's own entry (the last) names its caller; robots name themselves.
      const own = entries.at(-1);
      if (own !== undefined)
        expect({ key, actor: actorIdOf(own.actor) }).toEqual({
          key,
          actor: c.actor ?? ownerTokenId,
        });
      c.check?.(entries);
    }
  });

  it('names the robot (model, version, rule) for its changes, in the same commit as the request', async () => {
    const { res, entries } = await written(() =>
      h.call('POST', '/api/records/deals', {
        model: 'audited',
        pipeline: 'flow',
        fields: { title: 'Robot' },
      }),
    );
    expect(res.status).toBe(201);
    expect(entries).toMatchObject([
      {
        kind: 'record.created',
        actor: { kind: 'token', tokenId: ownerTokenId },
        address: '127.0.0.1',
      },
      {
        kind: 'record.updated',
        recordId: res.body.id,
        actor: { kind: 'robot', modelId: 'audited', version: 1, ruleId: 'robot:prioritise' },
        changes: { priority: { after: 'high' } },
      },
    ]);
    expect(entries[1]?.address).toBeUndefined();
    // One commit: every entry of the request shares its clock reading.
    expect(new Set(entries.map((e) => e.at)).size).toBe(1);
    // The record's timeline shows who did what.
    const tl = (await h.call('GET', `/api/records/deals/${res.body.id}/timeline`)).body
      .items as Array<{
      kind: string;
      actor?: { kind: string };
      ruleId?: string;
    }>;
    expect(tl.find((e) => e.kind === 'record_created')?.actor).toMatchObject({ kind: 'token' });
  });

  it('audits sign-in failures (wrong password, unknown email) without the password', async () => {
    const a = await h.accountWithRole('viewer');
    const wrong = await written(() =>
      h.callAs(null, 'POST', '/api/auth/sign-in', { email: a.email, password: 'not-the-one-123' }),
    );
    expect(wrong.res.status).toBe(401);
    expect(wrong.entries).toMatchObject([
      {
        kind: 'auth.sign_in_failed',
        outcome: 'failure',
        actor: { kind: 'person', accountId: a.id },
        target: a.email,
        address: '127.0.0.1',
      },
    ]);
    const unknown = await written(() =>
      h.callAs(null, 'POST', '/api/auth/sign-in', {
        email: 'nobody@x.test',
        password: 'pw-123456',
      }),
    );
    expect(unknown.entries).toMatchObject([
      {
        kind: 'auth.sign_in_failed',
        actor: { kind: 'system', name: 'anonymous' },
        target: 'nobody@x.test',
      },
    ]);
    expect(JSON.stringify([...wrong.entries, ...unknown.entries])).not.toMatch(
      /not-the-one|pw-123456/,
    );
  });

  it('serves GET /api/audit with filters and paging, newest first', async () => {
    const d = await deal({ amount: 1 });
    await h.call('PATCH', `/api/records/deals/${d}`, { fields: { amount: 3 } });
    const byRecord = await h.call('GET', `/api/audit?record=${d}`);
    expect(byRecord.status).toBe(200);
    expect(byRecord.body.items.map((e: AuditEntry) => e.kind)).toEqual([
      'record.updated',
      'record.created',
    ]);
    const byKind = await h.call('GET', `/api/audit?kind=record.updated&entity=deal&record=${d}`);
    expect(byKind.body.items).toHaveLength(1);
    const byActor = await h.call('GET', `/api/audit?actor=${ownerTokenId}&limit=2`);
    expect(byActor.body.items).toHaveLength(2);
    expect(byActor.body.nextCursor).toEqual(expect.any(String));
    const next = await h.call(
      'GET',
      `/api/audit?actor=${ownerTokenId}&limit=2&cursor=${byActor.body.nextCursor}`,
    );
    expect(next.body.items[0].id).not.toBe(byActor.body.items[1].id);
    const at = byRecord.body.items[0].at as string;
    expect(
      (await h.call('GET', `/api/audit?record=${d}&from=${at}`)).body.items.length,
    ).toBeGreaterThan(0);
    expect((await h.call('GET', `/api/audit?record=${d}&to=2000-01-01`)).body.items).toEqual([]);
    for (const bad of [
      'from=yesterday',
      'entity=__proto__',
      'limit=5000',
      'cursor=%00',
      'nope=1',
      'from=2026-13-45',
    ])
      expect({ bad, status: (await h.call('GET', `/api/audit?${bad}`)).status }).toEqual({
        bad,
        status: 400,
      });
    const viewer = await h.accountWithRole('viewer');
    expect((await h.callAs({ token: viewer.token }, 'GET', '/api/audit')).status).toBe(403);
  });

  it('exports CSV safe for spreadsheets, and audits the export', async () => {
    const d = await deal({ title: '=HYPERLINK("http://x","y")' });
    const res = await fetch(`${h.url}/api/audit/export?format=csv&record=${d}`, {
      headers: { authorization: `Bearer ${h.ownerToken}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const text = await res.text();
    const [header, row] = text.trim().split('\n');
    expect(header).toBe(
      'at,kind,outcome,actorKind,actorId,actor,address,entity,recordId,target,changes,detail',
    );
    expect(row).toContain('record.created');
    // The title sits inside the JSON of `changes`: no cell starts with a formula character.
    for (const line of text.trim().split('\n'))
      for (const cell of line.split(',')) expect(cell).not.toMatch(/^"?[=+@-]/);
    expect((await h.call('GET', '/api/audit?kind=audit.exported')).body.items).toHaveLength(1);
    expect((await h.call('GET', '/api/audit/export?format=xml')).status).toBe(400);
  });
});

describe('audit log: the owner setup', () => {
  it('audits the setup as the setup, with the address', async () => {
    const h = await startServer(undefined, {}, {}, { withoutOwner: true });
    try {
      const token = await h.conveyor.identity.setup.newSetupToken();
      const res = await h.callAs(null, 'POST', '/api/auth/setup', {
        token,
        email: 'first@conveyor.test',
        password: 'first-owner-password',
        name: 'First',
      });
      expect(res.status).toBe(201);
      const entries = (await h.store.query('audit', {}, { limit: 100 })).items;
      expect(entries.map((e) => e.kind)).toEqual(['setting.changed', 'auth.setup']);
      expect(entries[1]).toMatchObject({
        actor: { kind: 'system', name: 'setup' },
        address: '127.0.0.1',
        target: res.body.account.id,
      });
      expect(JSON.stringify(entries)).not.toMatch(/first-owner-password|\$argon|scrypt/);
    } finally {
      await h.close();
    }
  });
});
