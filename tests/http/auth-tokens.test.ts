import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_OWNER, startServer, type Harness } from './server-harness.js';

/** Every file under `dir`, read as text (the whole data folder). */
async function everyFile(dir: string): Promise<string> {
  let all = '';
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (entry.isFile()) all += await readFile(join(entry.parentPath, entry.name), 'utf8');
  return all;
}

/** A clock the test moves (last use is written at most once a minute). */
function movableClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}

describe('API tokens', () => {
  let h: Harness;
  const clock = movableClock();
  beforeAll(async () => {
    h = await startServer(undefined, { clock });
  });
  afterAll(() => h.close());

  it('shows the token once, keeps only its hash: neither it nor a session cookie is anywhere in the data folder', async () => {
    const { cookie } = await h.signIn(HARNESS_OWNER.email, HARNESS_OWNER.password);
    const created = await h.callAs({ cookie }, 'POST', '/api/tokens', {
      name: 'CRM sync',
      role: 'integrator',
    });
    expect(created.status).toBe(201);
    const token = created.body.token as string;
    expect(token).toMatch(/^cvy_[a-z0-9]+_[A-Za-z0-9_-]{43}$/);
    expect(created.body).toMatchObject({ name: 'CRM sync', role: 'integrator' });
    // Used once so its last use is stored too.
    expect((await h.callAs({ token }, 'GET', '/api/models')).status).toBe(200);
    const list = await h.callAs({ cookie }, 'GET', '/api/tokens');
    const listed = list.body.items.find((t: { id: string }) => t.id === created.body.id);
    expect(listed).toMatchObject({ name: 'CRM sync', role: 'integrator' });
    expect(listed.token).toBeUndefined();
    expect(JSON.stringify(list.body)).not.toContain(token.slice(-43));

    const onDisk = await everyFile(h.dataDir);
    expect(onDisk).toContain('CRM sync');
    for (const secret of [token, token.slice(-43), cookie.split('=')[1] ?? '', h.ownerToken ?? ''])
      expect(onDisk).not.toContain(secret);
    for (const password of [HARNESS_OWNER.password]) expect(onDisk).not.toContain(password);
  });
});

describe('API tokens on a running server', () => {
  let h: Harness;
  const clock = movableClock();
  beforeAll(async () => {
    h = await startServer(undefined, { clock });
  });
  afterAll(() => h.close());

  it('authenticates with its role; last use is recorded at most once a minute', async () => {
    const created = await h.call('POST', '/api/tokens', { name: 'reader', role: 'viewer' });
    const token = created.body.token as string;
    const me = await h.callAs({ token }, 'GET', '/api/auth/me');
    expect(me.body.actor).toMatchObject({ kind: 'token', name: 'reader', role: 'viewer' });
    const lastUse = async () =>
      (await h.call('GET', '/api/tokens')).body.items.find(
        (t: { id: string }) => t.id === created.body.id,
      ).lastUsedAt;
    const first = await lastUse();
    expect(first).toBeDefined();
    await h.callAs({ token }, 'GET', '/api/models');
    expect(await lastUse()).toBe(first);
    clock.advance(61_000);
    await h.callAs({ token }, 'GET', '/api/models');
    expect(Date.parse(await lastUse())).toBeGreaterThan(Date.parse(first));
  });

  it('never gets more rights than its creator', async () => {
    const manager = await h.accountWithRole('manager');
    // A viewer reads every record: more than a manager (own records only) may hand out.
    for (const role of ['owner', 'administrator', 'automation_editor', 'integrator', 'viewer']) {
      const res = await h.callAs({ token: manager.token }, 'POST', '/api/tokens', {
        name: 'too much',
        role,
      });
      expect(res.status, role).toBe(403);
      expect(res.body.error.code).toBe('ROLE_TOO_HIGH');
    }
    expect(
      (
        await h.callAs({ token: manager.token }, 'POST', '/api/tokens', {
          name: 'm',
          role: 'manager',
        })
      ).status,
    ).toBe(201);
    const unknown = await h.call('POST', '/api/tokens', { name: 'x', role: 'emperor' });
    expect(unknown.status).toBe(422);
    // A demoted creator's token acts within the creator's new rights, not above them.
    const admin = await h.accountWithRole('administrator');
    const adminMade = await h.callAs({ token: admin.token }, 'POST', '/api/tokens', {
      name: 'admin script',
      role: 'administrator',
    });
    await h.call('PATCH', `/api/accounts/${admin.id}`, { role: 'viewer' });
    const me = await h.callAs({ token: adminMade.body.token }, 'GET', '/api/auth/me');
    expect(me.body.permissions.entities.deal).toMatchObject({ read: 'all', update: 'none' });
    expect(me.body.permissions.accounts).toBe('none');
    const denied = await h.callAs({ token: adminMade.body.token }, 'GET', '/api/accounts');
    expect(denied.status).toBe(403);
  });

  it('a revoked token is refused at once; others cannot revoke what they do not see', async () => {
    const created = await h.call('POST', '/api/tokens', { name: 'temp', role: 'viewer' });
    const token = created.body.token as string;
    const viewer = await h.accountWithRole('viewer');
    expect(
      (await h.callAs({ token: viewer.token }, 'DELETE', `/api/tokens/${created.body.id}`)).status,
    ).toBe(404);
    expect((await h.call('DELETE', `/api/tokens/${created.body.id}`)).status).toBe(204);
    const after = await h.callAs({ token }, 'GET', '/api/models');
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect(
      (await h.call('GET', '/api/tokens')).body.items.some(
        (t: { id: string }) => t.id === created.body.id,
      ),
    ).toBe(false);
  });

  it('deactivating an account ends its sessions and tokens at once', async () => {
    const m = await h.accountWithRole('manager');
    const { cookie } = await h.signIn(m.email, m.password);
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(200);
    const off = await h.call('PATCH', `/api/accounts/${m.id}`, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.account.active).toBe(false);
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.callAs({ token: m.token }, 'GET', '/api/auth/me')).status).toBe(401);
    const again = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: m.email,
      password: m.password,
    });
    expect(again.status).toBe(401);
    // Reactivated, the old session and token stay ended; signing in works again.
    await h.call('PATCH', `/api/accounts/${m.id}`, { active: true });
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.callAs({ token: m.token }, 'GET', '/api/auth/me')).status).toBe(401);
    await h.signIn(m.email, m.password);
  });

  it("marking the directory user inactive ends its account's sessions and tokens too", async () => {
    const m = await h.accountWithRole('manager');
    const { cookie } = await h.signIn(m.email, m.password);
    const user = (await h.call('GET', `/api/directory/users/${m.userId}`)).body;
    expect(
      (await h.call('PUT', `/api/directory/users/${m.userId}`, { ...user, active: false })).status,
    ).toBe(200);
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.callAs({ token: m.token }, 'GET', '/api/auth/me')).status).toBe(401);
    await h.call('PUT', `/api/directory/users/${m.userId}`, { ...user, active: true });
    expect((await h.callAs({ token: m.token }, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('accounts: only the owner and administrators manage them; the last owner stays', async () => {
    const viewer = await h.accountWithRole('viewer');
    expect((await h.callAs({ token: viewer.token }, 'GET', '/api/accounts')).status).toBe(403);
    const created = await h.call('POST', '/api/accounts', {
      email: 'new.person@conveyor.test',
      password: 'a fine long password',
      name: 'New Person',
      role: 'manager',
    });
    expect(created.status).toBe(201);
    expect(created.body.account).toMatchObject({
      name: 'New Person',
      role: 'manager',
      active: true,
    });
    // Its directory user was made from the email.
    const user = await h.call('GET', `/api/directory/users/${created.body.account.userId}`);
    expect(user.body).toMatchObject({ key: 'new_person', email: 'new.person@conveyor.test' });
    const dup = await h.call('POST', '/api/accounts', {
      email: 'NEW.person@conveyor.test',
      password: 'a fine long password',
      role: 'viewer',
    });
    expect(dup.status).toBe(409);
    const owner = (await h.call('GET', '/api/accounts')).body.items.find(
      (a: { role: string }) => a.role === 'owner',
    );
    const last = await h.call('PATCH', `/api/accounts/${owner.id}`, { active: false });
    expect(last.status).toBe(409);
    expect(last.body.error.code).toBe('LAST_OWNER');
    const reset = await h.call('POST', `/api/accounts/${created.body.account.id}/password`, {
      newPassword: 'reset by the owner',
    });
    expect(reset.status).toBe(204);
    await h.signIn('new.person@conveyor.test', 'reset by the owner');
  });
});
