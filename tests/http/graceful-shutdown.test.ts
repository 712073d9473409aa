import { spawn, type ChildProcess } from 'node:child_process';
import { request, type ClientRequest } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';
import { OWNER_ENV, ownerHeaders } from '../support/runtime-auth.js';
import { TIMER_LAB_MODEL } from './timer-lab-model.js';

interface Proc {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const running = new Set<ChildProcess>();
afterEach(() => {
  for (const c of running) c.kill('SIGKILL');
});

/** The real runtime in a child process (as the other restart tests run it). */
function start(dataDir: string, env: Record<string, string> = {}): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_EXAMPLES: '0',
      ...OWNER_ENV,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let out = '';
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      running.delete(child);
      r(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1], output: () => out, exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`runtime exited (${code}):\n${out}`)));
  });
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await ownerHeaders(base)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each use checks its shape
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
}

const deal = (title: string) => ({ model: 'timer-lab', pipeline: 'lab', fields: { title } });

/**
 * A request whose body arrives in two halves: in flight from the first byte until `finish`.
 * Resolves with the status and body once answered, or rejects when the socket dies.
 */
async function slowCreate(base: string, title: string) {
  const text = JSON.stringify(deal(title));
  const half = Math.floor(text.length / 2);
  const headers = { 'content-type': 'application/json', ...(await ownerHeaders(base)) };
  const req: ClientRequest = request(`${base}/api/records/deals`, { method: 'POST', headers });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    req.on('response', (res) => {
      let body = '';
      res.on('data', (c: Buffer) => (body += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
  req.write(text.slice(0, half));
  req.flushHeaders();
  // The server has the request once it answers nothing yet but keeps the socket: give it a moment.
  await new Promise((r) => setTimeout(r, 500));
  return { answer, finish: () => req.end(text.slice(half)) };
}

/** Resolves once the server refuses new connections (it stopped accepting). */
async function refusesConnections(base: string): Promise<void> {
  for (;;) {
    try {
      await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2000) });
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

async function setUp(base: string): Promise<void> {
  expect((await call(base, 'POST', '/models', TIMER_LAB_MODEL)).status).toBe(201);
  expect((await call(base, 'POST', '/models/timer-lab/publish', {})).status).toBe(201);
}

/**
 * A request in flight at SIGTERM is answered (201), the process exits 0, and what it
 * acknowledged is there after a restart on the same data (`env` picks the store).
 */
async function finishesInFlight(env: Record<string, string> = {}): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-shutdown-'));
  const first = await start(dataDir, env);
  expect((await call(first.url, 'GET', '/ready')).body).toMatchObject({
    status: 'ready',
    checks: { store: 'ok', timers: 'ok', shutdown: 'ok' },
  });
  await setUp(first.url);
  expect((await call(first.url, 'POST', '/records/deals', deal('Before'))).status).toBe(201);
  const slow = await slowCreate(first.url, 'In flight');
  first.child.kill('SIGTERM');
  await refusesConnections(first.url);
  slow.finish();
  const answer = await slow.answer;
  expect(answer.status, answer.body).toBe(201);
  const id = (JSON.parse(answer.body) as { id: string }).id;
  expect(await first.exited).toBe(0);
  expect(first.output()).toContain('SIGTERM: shutting down');
  expect(first.output()).toContain('shut down cleanly');

  const second = await start(dataDir, env);
  const titles = (
    (await call(second.url, 'GET', '/records/deals')).body.items as {
      id: string;
      fields: { title: string };
    }[]
  ).map((d) => d.fields.title);
  expect(titles.sort()).toEqual(['Before', 'In flight']);
  expect((await call(second.url, 'GET', `/records/deals/${id}`)).status).toBe(200);
  second.child.kill('SIGINT');
  expect(await second.exited).toBe(0);
}

// Each test starts one or two real processes: generous, the machine may be loaded.
const SLOW = { timeout: 120_000 };

describe('graceful shutdown (SIGTERM / SIGINT)', SLOW, () => {
  it('finishes a request in flight with 201, exits 0, and what was acknowledged is there after restart', () =>
    finishesInFlight());

  it('exits at once on a second signal, without waiting for the request in flight', async () => {
    const p = await start(mkdtempSync(join(tmpdir(), 'conveyor-shutdown-twice-')));
    await setUp(p.url);
    const slow = await slowCreate(p.url, 'Never finished');
    slow.answer.catch(() => undefined);
    p.child.kill('SIGTERM');
    await refusesConnections(p.url);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(143);
    expect(p.output()).toContain('SIGTERM again: exiting now');
    await expect(slow.answer).rejects.toThrow();
  });

  it('exits 1 after SHUTDOWN_TIMEOUT_MS, naming what it still waited for', async () => {
    const p = await start(mkdtempSync(join(tmpdir(), 'conveyor-shutdown-late-')), {
      SHUTDOWN_TIMEOUT_MS: '1500',
    });
    await setUp(p.url);
    const slow = await slowCreate(p.url, 'Never finished');
    slow.answer.catch(() => undefined);
    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(1);
    expect(p.output()).toMatch(
      /shutdown did not finish in 1500 ms \(SHUTDOWN_TIMEOUT_MS\), still waiting for: requests in flight/,
    );
  });
});

describe.runIf(TEST_DATABASE_URL !== undefined)('graceful shutdown on PostgreSQL', SLOW, () => {
  const schema = freshSchemaName();
  afterAll(() => dropSchema(schema));

  it('finishes a request in flight, exits 0, and the records are in the database after restart', () =>
    finishesInFlight({ DATABASE_URL: TEST_DATABASE_URL ?? '', DATABASE_SCHEMA: schema }));
});
