import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';
import { OWNER_ENV, TEST_OWNER } from '../support/runtime-auth.js';
import { startServer, type Harness } from './server-harness.js';

/** A concrete path for a route pattern (the gate answers before any parameter is checked). */
const concrete = (path: string): string => path.replace(/:([A-Za-z]+)/g, 'x1');

/** Starts `runtime/main.ts`; resolves with its address and what it printed once it listens. */
function startMain(
  env: Record<string, string>,
  dataDir = mkdtempSync(join(tmpdir(), 'conveyor-setup-')),
): Promise<{ child: ChildProcess; url: string; out: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      // The setup line comes right after the banner (or never, with an owner).
      if (m?.[1] && (out.includes('no owner yet') || (env.OWNER_EMAIL ?? '') !== ''))
        resolve({ child, url: m[1], out: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`runtime exited (${code}):\n${out}`)));
  });
}
const running: ChildProcess[] = [];
afterAll(() => {
  for (const c of running) c.kill('SIGKILL');
});

async function post(url: string, path: string, body: unknown) {
  const res = await fetch(url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    setCookie: res.headers.get('set-cookie'),
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each use checks its shape
    body: (text === '' ? undefined : JSON.parse(text)) as any,
  };
}

describe('owner setup: the one-time link the server prints', () => {
  it(
    'prints one line with a link; its token creates the owner once, and the owner signs in',
    { timeout: 120_000 },
    async () => {
      const env = { OWNER_EMAIL: '', OWNER_PASSWORD: '' };
      const { url, out } = await startMain(env);
      const lines = out()
        .split('\n')
        .filter((l) => l.includes('no owner yet'));
      expect(lines).toHaveLength(1);
      const m =
        /^Conveyor: no owner yet\. Open (http:\/\/127\.0\.0\.1:\d+)\/setup#token=([A-Za-z0-9_-]{43}) to create the owner account\.$/.exec(
          lines[0] ?? '',
        );
      expect(m).not.toBeNull();
      const token = m?.[2] ?? '';
      expect(m?.[1]).toBe(url);

      expect((await fetch(`${url}/api/auth/setup`).then((r) => r.json())).needed).toBe(true);
      // Until the owner exists, even sign-in answers SETUP_REQUIRED.
      const early = await post(url, '/api/auth/sign-in', { email: 'a@b.c', password: 'x' });
      expect(early.status).toBe(401);
      expect(early.body.error.code).toBe('SETUP_REQUIRED');

      const wrong = await post(url, '/api/auth/setup', {
        token: 'A'.repeat(43),
        email: 'olga@example.com',
        password: 'a long enough password',
        name: 'Olga',
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error.code).toBe('SETUP_TOKEN_INVALID');

      const made = await post(url, '/api/auth/setup', {
        token,
        email: 'Olga@Example.com',
        password: 'a long enough password',
        name: 'Olga',
      });
      expect(made.status).toBe(201);
      expect(made.body.account).toMatchObject({
        email: 'olga@example.com',
        role: 'owner',
        name: 'Olga',
      });
      expect(made.body.account.passwordHash).toBeUndefined();
      expect(made.setCookie).toMatch(
        /^conveyor_session=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax$/,
      );

      const again = await post(url, '/api/auth/setup', {
        token,
        email: 'mallory@example.com',
        password: 'another long password',
        name: 'Mallory',
      });
      expect(again.status).toBe(410);
      expect(again.body.error.code).toBe('SETUP_DONE');
      expect((await fetch(`${url}/api/auth/setup`).then((r) => r.json())).needed).toBe(false);

      const signedIn = await post(url, '/api/auth/sign-in', {
        email: 'olga@example.com',
        password: 'a long enough password',
      });
      expect(signedIn.status).toBe(200);
      // The link's token is never in the server's own output again (only the one line).
      expect(out().split(token).length - 1).toBe(1);
    },
  );

  it(
    'with OWNER_EMAIL and OWNER_PASSWORD: no link, the owner signs in, a restart changes nothing',
    { timeout: 120_000 },
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-env-owner-'));
      const first = await startMain({ ...OWNER_ENV, OWNER_NAME: 'Env Owner' }, dataDir);
      expect(first.out()).not.toContain('no owner yet');
      const signedIn = await post(first.url, '/api/auth/sign-in', TEST_OWNER);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.account).toMatchObject({ role: 'owner', name: 'Env Owner' });
      first.child.kill('SIGTERM');
      await new Promise((r) => first.child.once('exit', r));
      const second = await startMain({ ...OWNER_ENV }, dataDir);
      const me = await post(second.url, '/api/auth/sign-in', TEST_OWNER);
      expect(me.status).toBe(200);
      expect(me.body.account.id).toBe(signedIn.body.account.id);
    },
  );
});

describe('before the owner exists', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('every route but health, readiness, OpenAPI and setup answers 401 SETUP_REQUIRED', async () => {
    h = await startServer(undefined, {}, {}, { withoutOwner: true });
    const open = new Set(['/api/health', '/api/ready', '/api/openapi.json', '/api/auth/setup']);
    let checked = 0;
    for (const r of h.conveyor.routes) {
      if (open.has(r.path)) continue;
      const res = await h.callAs(
        null,
        r.method.toUpperCase(),
        concrete(r.path),
        r.method === 'get' ? undefined : {},
      );
      expect(res.status, `${r.method} ${r.path}`).toBe(401);
      expect(res.body.error.code, `${r.method} ${r.path}`).toBe('SETUP_REQUIRED');
      checked++;
    }
    expect(checked).toBeGreaterThan(40);
    for (const path of ['/api/health', '/api/openapi.json', '/api/auth/setup'])
      expect((await h.callAs(null, 'GET', path)).status, path).toBe(200);
    // Probes carry no credentials: readiness answers (here 503, the scheduler is not started).
    expect((await h.callAs(null, 'GET', '/api/ready')).body.status).toBe('not_ready');
  });
});
