import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../runtime/engine/ports.js';
import { HARNESS_OWNER, startServer, type Harness } from './server-harness.js';

/** A clock the test moves (sliding expiry); starts at the real time. */
function movableClock() {
  let offset = 0;
  return {
    now: () => new Date(Date.now() + offset),
    advance(ms: number) {
      offset += ms;
    },
  };
}

const HOUR = 3_600_000;
const concrete = (path: string): string => path.replace(/:([A-Za-z]+)/g, 'x1');

describe('sign-in, sessions and their end', () => {
  let h: Harness;
  const clock = movableClock();
  const lines: string[] = [];
  const log: Logger = { info: (m) => lines.push(m), error: (m) => lines.push(m) };
  let manager: Awaited<ReturnType<Harness['accountWithRole']>>;

  beforeAll(async () => {
    h = await startServer(undefined, {
      clock,
      log,
      sessionPolicy: { idleMs: 12 * HOUR, maxMs: 30 * 24 * HOUR },
      rateLimits: { signInFailuresPerMinute: 1000 },
    });
    manager = await h.accountWithRole('manager', 'mira@conveyor.test');
  });
  afterAll(() => h.close());

  it('every route that is not open answers 401 UNAUTHENTICATED without credentials', async () => {
    const open = new Set([
      'get /api/health',
      'get /api/ready',
      'get /api/openapi.json',
      'get /api/auth/setup',
      'post /api/auth/setup',
      'post /api/auth/sign-in',
      'post /api/hooks/:token',
    ]);
    let checked = 0;
    for (const r of h.conveyor.routes) {
      if (open.has(`${r.method} ${r.path}`)) continue;
      for (const credentials of [
        null,
        { token: 'cvy_nope' },
        { cookie: 'conveyor_session=forged' },
      ]) {
        const res = await h.callAs(
          credentials,
          r.method.toUpperCase(),
          concrete(r.path),
          r.method === 'get' ? undefined : {},
        );
        expect(res.status, `${r.method} ${r.path}`).toBe(401);
        expect(res.body.error.code).toBe('UNAUTHENTICATED');
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('a wrong password and an unknown email get the same answer', async () => {
    const wrongPassword = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: HARNESS_OWNER.email,
      password: 'not the password',
    });
    const unknownEmail = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: 'nobody@conveyor.test',
      password: 'not the password',
    });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with a fresh HttpOnly SameSite=Lax cookie; /me names the account, actor and role', async () => {
    const res = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: '  MIRA@conveyor.test ',
      password: manager.password,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(
      /^conveyor_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
    );
    const cookie = /conveyor_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0] ?? '';
    const me = await h.callAs({ cookie }, 'GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.account).toEqual({
      id: manager.id,
      email: 'mira@conveyor.test',
      name: 'mira',
      userId: manager.userId,
      role: 'manager',
    });
    expect(me.body.actor).toEqual({
      kind: 'person',
      accountId: manager.id,
      userId: manager.userId,
      name: 'mira',
      role: 'manager',
    });
    expect(me.body.permissions.entities.deal).toMatchObject({ read: 'own', delete: 'none' });
  });

  it('a cookie set before sign-in is never promoted (no session fixation)', async () => {
    const planted = 'conveyor_session=' + 'P'.repeat(43);
    const res = await fetch(`${h.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: planted },
      body: JSON.stringify({ email: manager.email, password: manager.password }),
    });
    expect(res.status).toBe(200);
    const issued = /conveyor_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')?.[0];
    expect(issued).toBeDefined();
    expect(issued).not.toBe(planted);
    expect((await h.callAs({ cookie: planted }, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.callAs({ cookie: issued ?? '' }, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('sliding expiry: use keeps a session alive; 12 idle hours end it; 30 days end it whatever', async () => {
    const { cookie } = await h.signIn(manager.email, manager.password);
    clock.advance(11 * HOUR);
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(200);
    clock.advance(11 * HOUR);
    // 22 hours after sign-in, 11 after the last use: still on.
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(200);
    clock.advance(12 * HOUR + 1000);
    const idle = await h.callAs({ cookie }, 'GET', '/api/auth/me');
    expect(idle.status).toBe(401);
    expect(idle.body.error.message).toContain('session has ended');

    // Used every 11 hours, a session still ends 30 days after sign-in.
    const busy = await h.signIn(manager.email, manager.password);
    const statuses: number[] = [];
    for (let hours = 11; hours <= 30 * 24 + 11; hours += 11) {
      clock.advance(11 * HOUR);
      statuses.push((await h.callAs(busy, 'GET', '/api/auth/me')).status);
    }
    const lastGood = Math.floor((30 * 24) / 11);
    expect(statuses.slice(0, lastGood)).toEqual(Array(lastGood).fill(200));
    expect(statuses.slice(lastGood)).toEqual(Array(statuses.length - lastGood).fill(401));
  });

  it('sign-out ends the session server-side (the old cookie is refused) and clears the cookie', async () => {
    const { cookie } = await h.signIn(manager.email, manager.password);
    const out = await h.callAs({ cookie }, 'POST', '/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(
      /^conveyor_session=; Path=\/; Expires=Thu, 01 Jan 1970/,
    );
    expect((await h.callAs({ cookie }, 'GET', '/api/auth/me')).status).toBe(401);
  });

  it('lists own sessions (short handles, the current one marked) and ends one of them', async () => {
    const a = await h.signIn(manager.email, manager.password);
    const b = await h.signIn(manager.email, manager.password);
    const list = await h.callAs(a, 'GET', '/api/auth/sessions');
    expect(list.status).toBe(200);
    expect(list.body.nextCursor).toBeNull();
    const current = list.body.items.filter((s: { current: boolean }) => s.current);
    expect(current).toHaveLength(1);
    for (const s of list.body.items) {
      expect(s.id).toMatch(/^[0-9a-f]{16}$/);
      expect(a.cookie).not.toContain(s.id);
      expect(s.address).toMatch(/127\.0\.0\.1/);
    }
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    // Another account cannot end it.
    const owner = await h.signIn(HARNESS_OWNER.email, HARNESS_OWNER.password);
    expect((await h.callAs(owner, 'DELETE', `/api/auth/sessions/${other.id}`)).status).toBe(404);
    expect((await h.callAs(a, 'DELETE', `/api/auth/sessions/${current[0].id}`)).status).toBe(204);
    expect((await h.callAs(a, 'GET', '/api/auth/me')).status).toBe(401);
    expect((await h.callAs(b, 'GET', '/api/auth/me')).status).toBe(200);
  });

  it('a password change ends every other session and keeps this one; the old password stops working', async () => {
    const a = await h.signIn(manager.email, manager.password);
    const b = await h.signIn(manager.email, manager.password);
    const wrong = await h.callAs(a, 'POST', '/api/auth/password', {
      currentPassword: 'not it at all',
      newPassword: 'a brand new password',
    });
    expect(wrong.status).toBe(403);
    const weak = await h.callAs(a, 'POST', '/api/auth/password', {
      currentPassword: manager.password,
      newPassword: 'short',
    });
    expect(weak.status).toBe(422);
    expect(weak.body.error.code).toBe('WEAK_PASSWORD');
    const changed = await h.callAs(a, 'POST', '/api/auth/password', {
      currentPassword: manager.password,
      newPassword: 'a brand new password',
    });
    expect(changed.status).toBe(204);
    expect((await h.callAs(a, 'GET', '/api/auth/me')).status).toBe(200);
    expect((await h.callAs(b, 'GET', '/api/auth/me')).status).toBe(401);
    const old = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: manager.email,
      password: manager.password,
    });
    expect(old.status).toBe(401);
    await h.signIn(manager.email, 'a brand new password');
    manager.password = 'a brand new password';
  });

  it('no password, hash, cookie or token ever appears in an answer or the log', async () => {
    const { cookie } = await h.signIn(manager.email, manager.password);
    const secret = cookie.split('=')[1] ?? '';
    const answers = [
      await h.call('GET', '/api/accounts'),
      await h.call('GET', '/api/tokens'),
      await h.callAs({ cookie }, 'GET', '/api/auth/sessions'),
      await h.callAs({ cookie }, 'GET', '/api/auth/me'),
    ].map((a) => JSON.stringify(a.body));
    const everything = [...answers, ...lines].join('\n');
    for (const s of [
      manager.password,
      HARNESS_OWNER.password,
      secret,
      manager.token,
      h.ownerToken ?? '',
    ])
      expect(everything).not.toContain(s);
    expect(everything).not.toContain('argon2');
    expect(everything).not.toContain('passwordHash');
  });
});

describe('sign-in rate limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(undefined, { rateLimits: { signInFailuresPerMinute: 3 } });
  });
  afterAll(() => h.close());

  it('after 3 failed sign-ins for an account the 4th try is 429 with Retry-After, even with the right password', async () => {
    const tries = [];
    for (let i = 0; i < 3; i++)
      tries.push(
        (
          await h.callAs(null, 'POST', '/api/auth/sign-in', {
            email: HARNESS_OWNER.email,
            password: `guess ${i}`,
          })
        ).status,
      );
    expect(tries).toEqual([401, 401, 401]);
    const blocked = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: HARNESS_OWNER.email,
      password: HARNESS_OWNER.password,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // The address is limited too: another account from here is refused as well.
    const other = await h.callAs(null, 'POST', '/api/auth/sign-in', {
      email: 'someone@conveyor.test',
      password: 'whatever',
    });
    expect(other.status).toBe(429);
    expect(other.body.error.message).toContain('from this address');
    // API tokens are not sign-ins: the owner's calls go on.
    expect((await h.call('GET', '/api/auth/me')).status).toBe(200);
  });
});

describe('behind a reverse proxy that terminates HTTPS (TRUST_PROXY)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(undefined, { trustProxy: 'loopback' });
  });
  afterAll(() => h.close());

  it('marks the cookie Secure and keeps the client address the proxy names', async () => {
    const res = await fetch(`${h.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-proto': 'https',
        'x-forwarded-for': '203.0.113.7',
      },
      body: JSON.stringify({ email: HARNESS_OWNER.email, password: HARNESS_OWNER.password }),
    });
    expect(res.status).toBe(200);
    const set = res.headers.get('set-cookie') ?? '';
    expect(set).toMatch(
      /^conveyor_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    const cookie = /conveyor_session=[^;]+/.exec(set)?.[0] ?? '';
    const sessions = await h.callAs({ cookie }, 'GET', '/api/auth/sessions');
    expect(sessions.body.items[0].address).toBe('203.0.113.7');
  });

  it('without TRUST_PROXY the forwarded headers are ignored: no Secure, the socket address', async () => {
    const plain = await startServer();
    try {
      const res = await fetch(`${plain.url}/api/auth/sign-in`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-forwarded-proto': 'https',
          'x-forwarded-for': '203.0.113.7',
        },
        body: JSON.stringify({ email: HARNESS_OWNER.email, password: HARNESS_OWNER.password }),
      });
      expect(res.headers.get('set-cookie')).not.toContain('Secure');
    } finally {
      await plain.close();
    }
  });
});
