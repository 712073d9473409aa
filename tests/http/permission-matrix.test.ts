import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '../../runtime/access/built-in-permissions.js';
import type { RolePermissions, Scope } from '../../runtime/domain/security-types.js';
import { BUILT_IN_ROLES } from '../../runtime/identity/built-in-roles.js';
import { handoffModel } from './models.js';
import { startServer, type Harness } from './server-harness.js';

/**
 * Every role against every route over real HTTP, on its own, its department's and
 * another's deals (and one outside its stage limits), expecting what the matrix says.
 * The expectation comes from the roles' permissions as data (an oracle written here,
 * independent of CASL); the rows come from the route table, so a new route without a
 * row fails. Allowed calls are made harmless (a stale If-Match, an unknown id, a bad
 * body): a refusal is 403 (404 for a record out of the read scope), anything else
 * means the permission let the call through.
 */

/** A custom role: department scope, limited to two stages of the sales pipeline. */
const STAGE_LIMITED: RolePermissions = {
  ...structuredClone(BUILT_IN_PERMISSIONS.viewer),
  entities: {
    deal: {
      ...BUILT_IN_PERMISSIONS.viewer.entities.deal!,
      read: 'department',
      update: 'department',
      stages: { sales: ['new', 'shipped'] },
    },
  },
};
const ROLES = [...BUILT_IN_ROLES, 'stage_limited'] as const;
type Role = (typeof ROLES)[number];
const permsOf = (role: Role): RolePermissions =>
  role === 'stage_limited' ? STAGE_LIMITED : BUILT_IN_PERMISSIONS[role];

const TARGETS = ['own', 'department', 'other', 'outside'] as const;
type Target = (typeof TARGETS)[number];
type RecordAction = 'read' | 'create' | 'update' | 'delete' | 'export' | 'import';

interface Fixture {
  id: string;
  responsible: string;
  stage: string;
}

/** What a route needs, in the matrix's own words. */
type Need =
  | { record: RecordAction } // on the deal the path names (own, department, other, outside)
  | { entity: RecordAction } // on deals at all (any scope)
  | { anyEntity: 'update' } // a record the handler finds (task, event)
  | { everyRecord: true } // read all records of every entity
  | { automation: keyof RolePermissions['automations'] }
  | { level: 'directory' | 'roles' | 'accounts' | 'settings'; at: 'view' | 'manage' }
  | { audit: 'view' | 'export' }
  | { recycleBin: 'view' | 'restore' | 'purge' }
  | { tokens: true }
  | { hookSecrets: true }
  | 'signed-in';

interface Row {
  need: Need;
  /** Answers a stream (Server-Sent Events): only its status is read. */
  stream?: true;
  /** The call: path (ids filled), body, extra headers. */
  call: (id: string) => { path: string; body?: unknown; headers?: Record<string, string> };
}

const STALE = { 'if-match': '"999999"' };
const BAD = { __not_a_field: true };
const get = (path: string) => () => ({ path });
const rec =
  (suffix = '') =>
  (id: string) => ({ path: `/api/records/deals/${id}${suffix}` });

/** One row per route that needs credentials, keyed `METHOD path` as in the route table. */
const ROWS: Record<string, Row> = {
  'post /api/auth/sign-out': { need: 'signed-in', call: () => ({ path: '/api/auth/sign-out' }) },
  'get /api/auth/me': { need: 'signed-in', call: get('/api/auth/me') },
  'post /api/auth/password': {
    need: 'signed-in',
    call: () => ({ path: '/api/auth/password', body: BAD }),
  },
  'get /api/auth/sessions': { need: 'signed-in', call: get('/api/auth/sessions') },
  'delete /api/auth/sessions/:id': {
    need: 'signed-in',
    call: () => ({ path: '/api/auth/sessions/0000000000000000' }),
  },
  'post /api/tokens': { need: { tokens: true }, call: () => ({ path: '/api/tokens', body: BAD }) },
  'get /api/tokens': { need: { tokens: true }, call: get('/api/tokens') },
  'delete /api/tokens/:id': { need: { tokens: true }, call: () => ({ path: '/api/tokens/nope' }) },
  'get /api/accounts': { need: { level: 'accounts', at: 'view' }, call: get('/api/accounts') },
  'post /api/accounts': {
    need: { level: 'accounts', at: 'manage' },
    call: () => ({ path: '/api/accounts', body: BAD }),
  },
  'patch /api/accounts/:id': {
    need: { level: 'accounts', at: 'manage' },
    call: () => ({ path: '/api/accounts/acc_nope', body: BAD }),
  },
  'post /api/accounts/:id/password': {
    need: { level: 'accounts', at: 'manage' },
    call: () => ({ path: '/api/accounts/acc_nope/password', body: BAD }),
  },
  'get /api/roles': { need: { level: 'roles', at: 'view' }, call: get('/api/roles') },
  'post /api/roles': {
    need: { level: 'roles', at: 'manage' },
    call: () => ({ path: '/api/roles', body: BAD }),
  },
  'put /api/roles/:key': {
    need: { level: 'roles', at: 'manage' },
    call: () => ({ path: '/api/roles/nope', body: BAD }),
  },
  'delete /api/roles/:key': {
    need: { level: 'roles', at: 'manage' },
    call: () => ({ path: '/api/roles/nope' }),
  },
  'get /api/directory': { need: { level: 'directory', at: 'view' }, call: get('/api/directory') },
  'get /api/models': { need: { automation: 'view' }, call: get('/api/models') },
  'post /api/models': {
    need: { automation: 'editDrafts' },
    call: () => ({ path: '/api/models', body: BAD }),
  },
  'get /api/models/:id': { need: { automation: 'view' }, call: get('/api/models/nope') },
  'put /api/models/:id': {
    need: { automation: 'editDrafts' },
    call: () => ({ path: '/api/models/nope', body: BAD }),
  },
  'delete /api/models/:id/draft': {
    need: { automation: 'editDrafts' },
    call: () => ({ path: '/api/models/nope/draft' }),
  },
  'get /api/models/:id/ruleset': {
    need: { automation: 'view' },
    call: get('/api/models/nope/ruleset'),
  },
  'post /api/models/:id/publish': {
    need: { automation: 'publish' },
    call: () => ({ path: '/api/models/nope/publish', body: BAD }),
  },
  'get /api/models/:id/versions': {
    need: { automation: 'view' },
    call: get('/api/models/nope/versions'),
  },
  'get /api/models/:id/versions/:n': {
    need: { automation: 'view' },
    call: get('/api/models/nope/versions/1'),
  },
  'post /api/models/:id/rollback': {
    need: { automation: 'rollBack' },
    call: () => ({ path: '/api/models/nope/rollback', body: BAD }),
  },
  'get /api/models/:id/hooks': { need: { hookSecrets: true }, call: get('/api/models/nope/hooks') },
  'post /api/simulate': {
    need: { automation: 'simulate' },
    call: () => ({ path: '/api/simulate', body: BAD }),
  },
  'get /api/examples': { need: { automation: 'view' }, call: get('/api/examples') },
  'post /api/examples/:slug/copy': {
    need: { automation: 'editDrafts' },
    call: () => ({ path: '/api/examples/nope/copy', body: {} }),
  },
  'get /api/outbox': { need: { everyRecord: true }, call: get('/api/outbox') },
  'get /api/dead-letters': { need: { everyRecord: true }, call: get('/api/dead-letters') },
  'post /api/dead-letters/:id/replay': {
    need: { automation: 'publish' },
    call: () => ({ path: '/api/dead-letters/nope/replay', body: {} }),
  },
  'get /api/documents': { need: { everyRecord: true }, call: get('/api/documents') },
  'get /api/documents/:id': { need: { everyRecord: true }, call: get('/api/documents/nope') },
  'get /api/documents/:id/content': {
    need: { everyRecord: true },
    call: get('/api/documents/nope/content'),
  },
  'get /api/timers': { need: { everyRecord: true }, call: get('/api/timers') },
  'post /api/timers/:id/retry': {
    need: { automation: 'publish' },
    call: () => ({ path: '/api/timers/nope/retry', body: {} }),
  },
  'delete /api/timers/:id': {
    need: { automation: 'publish' },
    call: () => ({ path: '/api/timers/nope' }),
  },
  'get /api/records/:entity': { need: { entity: 'read' }, call: get('/api/records/deals') },
  'get /api/records/:entity/export': {
    need: { entity: 'export' },
    call: get('/api/records/deals/export?format=csv'),
  },
  'post /api/records/:entity': {
    need: { entity: 'create' },
    call: () => ({
      path: '/api/records/deals',
      body: { pipeline: 'sales', fields: { title: 'made' } },
    }),
  },
  'post /api/records/:entity/import': {
    need: { entity: 'import' },
    call: () => ({ path: '/api/records/deals/import', body: BAD }),
  },
  'get /api/records/:entity/:id': { need: { record: 'read' }, call: rec() },
  'patch /api/records/:entity/:id': {
    need: { record: 'update' },
    call: (id) => ({ ...rec()(id), body: { fields: { title: 'x' } }, headers: STALE }),
  },
  'delete /api/records/:entity/:id': {
    need: { record: 'delete' },
    call: (id) => ({ ...rec()(id), headers: STALE }),
  },
  'post /api/records/:entity/:id/move': {
    need: { record: 'update' },
    call: (id) => ({ ...rec('/move')(id), body: { stage: 'shipped' }, headers: STALE }),
  },
  'post /api/records/:entity/:id/links': {
    need: { record: 'update' },
    call: (id) => ({
      ...rec('/links')(id),
      body: { entity: 'contact', id: 'nope' },
      headers: STALE,
    }),
  },
  'get /api/records/:entity/:id/timeline': { need: { record: 'read' }, call: rec('/timeline') },
  'get /api/records/:entity/:id/tasks': { need: { record: 'read' }, call: rec('/tasks') },
  'get /api/records/:entity/:id/notifications': {
    need: { record: 'read' },
    call: rec('/notifications'),
  },
  'get /api/records/:entity/:id/outbox': { need: { record: 'read' }, call: rec('/outbox') },
  'get /api/records/:entity/:id/documents': { need: { record: 'read' }, call: rec('/documents') },
  'get /api/records/:entity/:id/timers': { need: { record: 'read' }, call: rec('/timers') },
  'get /api/records/:entity/count': {
    need: { entity: 'read' },
    call: get('/api/records/deals/count'),
  },
  'get /api/records/:entity/stage-totals': {
    need: { entity: 'read' },
    call: get('/api/records/deals/stage-totals?stage=new'),
  },
  'get /api/records/:entity/:id/why': {
    need: { record: 'read' },
    call: rec('/why?rule=robot:create_logistics'),
  },
  'get /api/audit': { need: { audit: 'view' }, call: get('/api/audit') },
  'get /api/audit/export': { need: { audit: 'export' }, call: get('/api/audit/export?format=csv') },
  'get /api/recycle-bin': { need: { recycleBin: 'view' }, call: get('/api/recycle-bin') },
  'post /api/recycle-bin/:entity/:id/restore': {
    need: { recycleBin: 'restore' },
    call: () => ({ path: '/api/recycle-bin/deals/nope/restore', body: {} }),
  },
  'delete /api/recycle-bin/:entity/:id': {
    need: { recycleBin: 'purge' },
    call: () => ({ path: '/api/recycle-bin/deals/nope' }),
  },
  'get /api/events': { need: 'signed-in', stream: true, call: get('/api/events') },
  'delete /api/dead-letters/:id': {
    need: { automation: 'publish' },
    call: () => ({ path: '/api/dead-letters/nope' }),
  },
  'post /api/models/:id/hooks/:trigger/regenerate': {
    need: { automation: 'publish' },
    call: () => ({ path: '/api/models/nope/hooks/nope/regenerate', body: {} }),
  },
  'get /api/settings/recycle-bin-retention': {
    need: { level: 'settings', at: 'view' },
    call: get('/api/settings/recycle-bin-retention'),
  },
  'put /api/settings/recycle-bin-retention': {
    need: { level: 'settings', at: 'manage' },
    call: () => ({ path: '/api/settings/recycle-bin-retention', body: BAD }),
  },
  'post /api/events': {
    need: { anyEntity: 'update' },
    call: () => ({
      path: '/api/events',
      body: { kind: 'message', entity: 'deal', recordId: 'nope' },
    }),
  },
  'post /api/tasks/:id/complete': {
    need: { anyEntity: 'update' },
    call: () => ({ path: '/api/tasks/nope/complete', body: {} }),
  },
};
for (const kind of ['users', 'departments', 'queues']) {
  const base = `/api/directory/${kind}`;
  ROWS[`get ${base}`] = { need: { level: 'directory', at: 'view' }, call: get(base) };
  ROWS[`post ${base}`] = {
    need: { level: 'directory', at: 'manage' },
    call: () => ({ path: base, body: BAD }),
  };
  ROWS[`get ${base}/:key`] = {
    need: { level: 'directory', at: 'view' },
    call: get(`${base}/nope`),
  };
  ROWS[`put ${base}/:key`] = {
    need: { level: 'directory', at: 'manage' },
    call: () => ({ path: `${base}/nope`, body: BAD }),
  };
  ROWS[`delete ${base}/:key`] = {
    need: { level: 'directory', at: 'manage' },
    call: () => ({ path: `${base}/nope` }),
  };
}

describe('the permission matrix over HTTP: every role x every route x own/department/other', () => {
  let h: Harness;
  const who = new Map<Role, { token: string; userId: string }>();
  const fixtures = new Map<Role, Record<Target, Fixture>>();
  /** Users in the sales department or below it (every role's account, and Bob in east). */
  const salesUsers = new Set<string>(['bob']);

  beforeAll(async () => {
    h = await startServer();
    await h.call('POST', '/api/models', handoffModel);
    expect((await h.call('POST', '/api/models/handoff/publish', {})).status).toBe(201);
    for (const [key, parent] of [['sales'], ['east', 'sales'], ['support']] as const)
      await h.call('POST', '/api/directory/departments', {
        key,
        name: key,
        ...(parent === undefined ? {} : { parent }),
      });
    await h.call('POST', '/api/directory/users', { key: 'bob', name: 'Bob', department: 'east' });
    await h.call('POST', '/api/directory/users', {
      key: 'carl',
      name: 'Carl',
      department: 'support',
    });
    expect(
      (
        await h.call('POST', '/api/roles', {
          key: 'stage_limited',
          name: 'Stage-limited',
          permissions: STAGE_LIMITED,
        })
      ).status,
    ).toBe(201);
    for (const role of ROLES) {
      const a = await h.accountWithRole(role);
      const user = (await h.call('GET', `/api/directory/users/${a.userId}`)).body;
      await h.call('PUT', `/api/directory/users/${a.userId}`, { ...user, department: 'sales' });
      salesUsers.add(a.userId);
      who.set(role, { token: a.token, userId: a.userId });
      const make = async (responsible: string, stage = 'new'): Promise<Fixture> => {
        const made = await h.call('POST', '/api/records/deals', {
          pipeline: 'sales',
          fields: { title: `${role} ${responsible} ${stage}`, responsible },
        });
        expect(made.status, JSON.stringify(made.body)).toBe(201);
        if (stage !== 'new')
          expect(
            (await h.call('POST', `/api/records/deals/${made.body.id}/move`, { stage })).status,
          ).toBe(200);
        return { id: made.body.id, responsible, stage };
      };
      fixtures.set(role, {
        own: await make(a.userId),
        department: await make('bob'),
        other: await make('carl'),
        outside: await make(a.userId, 'won'),
      });
    }
  }, 120_000);
  afterAll(async () => {
    await h.close();
  });

  /** A call that reads JSON answers only (the export answers CSV). */
  const send = async (
    token: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
    stream = false,
  ) => {
    const abort = new AbortController();
    const res = await fetch(h.url + path, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      signal: abort.signal,
    });
    if (stream && res.status === 200) {
      abort.abort();
      return { status: res.status, body: undefined };
    }
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
    return { status: res.status, body: json ? JSON.parse(text) : undefined };
  };

  /** The matrix's scope, written plainly: does `scope` of `role` cover this deal? */
  const covers = (role: Role, scope: Scope, f: Fixture): boolean => {
    const me = who.get(role)!.userId;
    const inScope =
      scope === 'all' ||
      (scope === 'own' && f.responsible === me) ||
      (scope === 'department' && salesUsers.has(f.responsible));
    const stages = permsOf(role).entities.deal?.stages?.sales;
    return inScope && (stages === undefined || stages.includes(f.stage));
  };

  /** What the matrix says: 'allowed', 403, or 404 (a record out of the read scope). */
  const expected = (role: Role, row: Row, f: Fixture | undefined): 'allowed' | 403 | 404 => {
    const p = permsOf(role);
    const need = row.need;
    const yes = (b: boolean) => (b ? 'allowed' : 403);
    if (need === 'signed-in') return 'allowed';
    if ('record' in need) {
      const deal = p.entities.deal!;
      if (!covers(role, deal.read, f!)) return deal[need.record] === 'none' ? 403 : 404;
      return yes(covers(role, deal[need.record], f!));
    }
    if ('entity' in need) return yes((p.entities.deal?.[need.entity] ?? 'none') !== 'none');
    if ('anyEntity' in need)
      return yes(Object.values(p.entities).some((e) => e[need.anyEntity] !== 'none'));
    if ('everyRecord' in need)
      return yes(
        (['lead', 'deal', 'contact', 'company'] as const).every(
          (e) => p.entities[e]?.read === 'all' && p.entities[e]?.stages === undefined,
        ),
      );
    if ('automation' in need) return yes(p.automations[need.automation]);
    if ('level' in need)
      return yes(need.at === 'view' ? p[need.level] !== 'none' : p[need.level] === 'manage');
    if ('tokens' in need) return yes(p.tokens !== 'none');
    if ('audit' in need)
      return yes(['view', 'export'].indexOf(p.audit) >= ['view', 'export'].indexOf(need.audit));
    if ('recycleBin' in need) {
      const order = ['none', 'view', 'restore', 'purge'];
      return yes(order.indexOf(p.recycleBin) >= order.indexOf(need.recycleBin));
    }
    return yes(p.hookSecrets);
  };

  it('has a row for every route that needs credentials (a new route needs one)', () => {
    const keys = h.conveyor.routes
      .filter((r) => r.open === undefined)
      .map((r) => `${r.method} ${r.path}`);
    expect(keys.filter((k) => ROWS[k] === undefined)).toEqual([]);
    expect(Object.keys(ROWS).filter((k) => !keys.includes(k))).toEqual([]);
  });

  it.each(ROLES)(
    '%s gets what the matrix says on every route',
    async (role) => {
      const { token } = who.get(role)!;
      const mismatches: string[] = [];
      let calls = 0;
      const wants: Record<string, number> = {};
      for (const r of h.conveyor.routes) {
        if (r.open !== undefined) continue;
        const key = `${r.method} ${r.path}`;
        const row = ROWS[key]!;
        const targets: Array<Fixture | undefined> =
          typeof row.need === 'object' && 'record' in row.need
            ? TARGETS.map((t) => fixtures.get(role)![t])
            : [undefined];
        for (const f of targets) {
          const c = row.call(f?.id ?? '');
          const res = await send(
            token,
            r.method.toUpperCase(),
            c.path,
            c.body,
            c.headers,
            row.stream,
          );
          calls++;
          const want = expected(role, row, f);
          wants[String(want)] = (wants[String(want)] ?? 0) + 1;
          const got = res.status;
          const ok =
            want === 'allowed'
              ? got !== 401 && got !== 403 && (f === undefined || got !== 404)
              : got === want;
          if (ok && want === 403) expect(res.body.error.code, key).toBe('FORBIDDEN');
          if (!ok)
            mismatches.push(
              `${key} ${f === undefined ? '' : `on ${f.responsible}/${f.stage} `}-> ${got} (want ${want}) ${JSON.stringify(res.body?.error ?? '')}`,
            );
        }
      }
      expect(mismatches).toEqual([]);
      expect(calls).toBeGreaterThan(60);
      // The table is not vacuous: roles below the owner meet refusals, scoped ones 404s too.
      if (role !== 'owner' && role !== 'administrator')
        expect(wants['403'] ?? 0, JSON.stringify(wants)).toBeGreaterThan(0);
      if (role === 'manager' || role === 'stage_limited')
        expect(wants['404'] ?? 0, JSON.stringify(wants)).toBeGreaterThan(0);
    },
    120_000,
  );

  it.each(ROLES)("%s's deal list holds exactly the deals in its read scope", async (role) => {
    const { token } = who.get(role)!;
    const res = await h.callAs({ token }, 'GET', '/api/records/deals?limit=1000');
    expect(res.status).toBe(200);
    const seen = new Set<string>(res.body.items.map((r: { id: string }) => r.id));
    const read = permsOf(role).entities.deal!.read;
    for (const r of res.body.items as Array<{
      id: string;
      stage: string;
      fields: { responsible?: string };
    }>)
      expect(
        covers(role, read, { id: r.id, responsible: r.fields.responsible ?? '', stage: r.stage }),
        r.id,
      ).toBe(true);
    for (const set of fixtures.values())
      for (const f of Object.values(set))
        expect(seen.has(f.id), `${role} sees ${f.id}?`).toBe(covers(role, read, f));
  });

  it('a stage-limited role cannot move a deal into a stage outside its limits', async () => {
    const { token } = who.get('stage_limited')!;
    const own = fixtures.get('stage_limited')!.own;
    const won = await h.callAs({ token }, 'POST', `/api/records/deals/${own.id}/move`, {
      stage: 'won',
    });
    expect([won.status, won.body.error.code]).toEqual([403, 'FORBIDDEN']);
    const shipped = await h.callAs({ token }, 'POST', `/api/records/deals/${own.id}/move`, {
      stage: 'shipped',
    });
    expect(shipped.status).toBe(200);
  });

  it("a manager's new deal is theirs; a manager cannot create one for someone else", async () => {
    const { token, userId } = who.get('manager')!;
    const mine = await h.callAs({ token }, 'POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Mine' },
    });
    expect([mine.status, mine.body.fields.responsible]).toEqual([201, userId]);
    const theirs = await h.callAs({ token }, 'POST', '/api/records/deals', {
      pipeline: 'sales',
      fields: { title: 'Theirs', responsible: 'carl' },
    });
    expect(theirs.status).toBe(403);
  });

  it("robots act beyond the person's rights, and are named as the actor", async () => {
    const { token } = who.get('manager')!;
    const own = fixtures.get('manager')!.own;
    // The paid stage's robot creates a linked logistics deal nobody is responsible for:
    // outside the manager's rights, yet the robot is not blocked.
    const paid = await h.callAs({ token }, 'POST', `/api/records/deals/${own.id}/move`, {
      stage: 'paid',
    });
    expect(paid.status, JSON.stringify(paid.body)).toBe(200);
    const linked = paid.body.links.find((l: { entity: string }) => l.entity === 'deal');
    expect(linked).toBeDefined();
    expect((await h.call('GET', `/api/records/deals/${linked.id}`)).status).toBe(200);
    expect((await h.callAs({ token }, 'GET', `/api/records/deals/${linked.id}`)).status).toBe(404);
    const audit = await h.call('GET', `/api/audit?record=${linked.id}&limit=100`);
    const created = audit.body.items.find((e: { kind: string }) => e.kind === 'record.created');
    expect(created?.actor).toMatchObject({
      kind: 'robot',
      modelId: 'handoff',
      version: 1,
      ruleId: 'robot:create_logistics',
    });
  });
});
