import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILT_IN_PERMISSIONS } from '../../runtime/access/built-in-permissions.js';
import { BUILT_IN_ROLES } from '../../runtime/identity/built-in-roles.js';
import { startServer, type Harness } from './server-harness.js';

const limitedViewer = () => ({
  ...structuredClone(BUILT_IN_PERMISSIONS.viewer),
  entities: {
    deal: { ...BUILT_IN_PERMISSIONS.viewer.entities.deal!, stages: { sales: ['new'] } },
  },
});

describe('roles API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(async () => {
    await h.close();
  });

  it('lists the built-in roles first, with their permissions', async () => {
    const res = await h.call('GET', '/api/roles');
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((r: { key: string }) => r.key)).toEqual([...BUILT_IN_ROLES]);
    expect(res.body.items[4]).toEqual({
      key: 'manager',
      name: 'Manager',
      builtIn: true,
      permissions: BUILT_IN_PERMISSIONS.manager,
    });
  });

  it('creates, changes and removes a custom role; built-ins stay as they are', async () => {
    const made = await h.call('POST', '/api/roles', {
      key: 'deal_watcher',
      name: 'Deal watcher',
      permissions: limitedViewer(),
    });
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ key: 'deal_watcher', builtIn: false });
    const again = await h.call('POST', '/api/roles', made.body);
    expect(again.status).toBe(400); // builtIn is not part of the body
    const dup = await h.call('POST', '/api/roles', {
      key: 'deal_watcher',
      name: 'x',
      permissions: limitedViewer(),
    });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'ROLE_EXISTS']);
    const asBuiltIn = await h.call('POST', '/api/roles', {
      key: 'viewer',
      name: 'x',
      permissions: limitedViewer(),
    });
    expect([asBuiltIn.status, asBuiltIn.body.error.code]).toEqual([409, 'BUILT_IN_ROLE']);
    const putBuiltIn = await h.call('PUT', '/api/roles/manager', {
      name: 'x',
      permissions: limitedViewer(),
    });
    expect([putBuiltIn.status, putBuiltIn.body.error.code]).toEqual([409, 'BUILT_IN_ROLE']);
    const delBuiltIn = await h.call('DELETE', '/api/roles/owner');
    expect([delBuiltIn.status, delBuiltIn.body.error.code]).toEqual([409, 'BUILT_IN_ROLE']);

    const renamed = await h.call('PUT', '/api/roles/deal_watcher', {
      name: 'Watcher of new deals',
      permissions: limitedViewer(),
    });
    expect([renamed.status, renamed.body.name]).toEqual([200, 'Watcher of new deals']);
    const list = await h.call('GET', '/api/roles');
    expect(list.body.items.at(-1).key).toBe('deal_watcher');

    // Held by an account: it cannot go; once no one holds it, it can.
    const holder = await h.accountWithRole('deal_watcher');
    const inUse = await h.call('DELETE', '/api/roles/deal_watcher');
    expect([inUse.status, inUse.body.error.code]).toEqual([409, 'ROLE_IN_USE']);
    expect(inUse.body.error.message).toContain(holder.email);
    const me = await h.callAs({ token: holder.token }, 'GET', '/api/auth/me');
    expect(me.body.permissions.entities.deal.stages).toEqual({ sales: ['new'] });
    await h.call('PATCH', `/api/accounts/${holder.id}`, { role: 'viewer' });
    const token = await h.call('GET', '/api/tokens');
    for (const t of token.body.items.filter((x: { role: string }) => x.role === 'deal_watcher'))
      await h.call('DELETE', `/api/tokens/${t.id}`);
    expect((await h.call('DELETE', '/api/roles/deal_watcher')).status).toBe(204);
    expect((await h.call('DELETE', '/api/roles/deal_watcher')).status).toBe(404);
    // Each change to a role is one audit entry naming who did it.
    const audit = await h.call('GET', '/api/audit?limit=1000');
    const kinds = audit.body.items
      .filter((e: { target?: string }) => e.target === 'deal_watcher')
      .map((e: { kind: string; actor: { kind: string } }) => `${e.kind} by ${e.actor.kind}`);
    expect(kinds).toEqual([
      'role.deleted by token',
      'role.updated by token',
      'role.created by token',
    ]);
  });

  it("a change to a role applies to its holders' very next request (rights are not kept past it)", async () => {
    expect(
      (
        await h.call('POST', '/api/roles', {
          key: 'reader',
          name: 'Reader',
          permissions: structuredClone(BUILT_IN_PERMISSIONS.viewer),
        })
      ).status,
    ).toBe(201);
    const holder = await h.accountWithRole('reader');
    const read = () => h.callAs({ token: holder.token }, 'GET', '/api/records/deals');
    expect((await read()).status).toBe(200);
    expect((await read()).status).toBe(200); // the rights as worked out for the first call
    const none = structuredClone(BUILT_IN_PERMISSIONS.viewer);
    none.entities.deal = { ...none.entities.deal!, read: 'none' };
    expect(
      (await h.call('PUT', '/api/roles/reader', { name: 'Reader', permissions: none })).status,
    ).toBe(200);
    expect((await read()).status).toBe(403);
    expect(
      (
        await h.call('PUT', '/api/roles/reader', {
          name: 'Reader',
          permissions: structuredClone(BUILT_IN_PERMISSIONS.viewer),
        })
      ).status,
    ).toBe(200);
    expect((await read()).status).toBe(200);
  });

  it('refuses bad permissions with the path, and roles above their author', async () => {
    const bad = await h.call('POST', '/api/roles', {
      key: 'odd',
      name: 'Odd',
      permissions: { ...limitedViewer(), directory: 'everything' },
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.error)).toContain('/permissions/directory');
    const admin = await h.accountWithRole('administrator');
    const tooHigh = await h.callAs({ token: admin.token }, 'POST', '/api/roles', {
      key: 'purger',
      name: 'Purger',
      permissions: BUILT_IN_PERMISSIONS.owner,
    });
    expect([tooHigh.status, tooHigh.body.error.code]).toEqual([403, 'ROLE_TOO_HIGH']);
    const manager = await h.accountWithRole('manager');
    const refused = await h.callAs({ token: manager.token }, 'POST', '/api/roles', {
      key: 'mine',
      name: 'Mine',
      permissions: BUILT_IN_PERMISSIONS.manager,
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({
      code: 'FORBIDDEN',
      message: 'Manager may not manage roles',
    });
    expect((await h.callAs({ token: manager.token }, 'GET', '/api/roles')).status).toBe(403);
  });
});
