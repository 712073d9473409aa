import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';

/*
 * Issue 11: a condition bomb in a DELAYED robot used to take the server down twice:
 * once when its timer fired, and again on every restart, because the overdue timer
 * fires during start-up. The real runtime (`runtime/main.ts`) runs here with a small
 * heap, so a bomb that is not bounded kills it quickly instead of eating the machine.
 */

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const MERGE_BOMB = {
  reduce: [range(40), { merge: [{ var: 'accumulator' }, { var: 'accumulator' }] }, [0]],
};
/** How far ahead the robot's time is when the deal is created: room to stop the process first. */
const DUE_IN_MS = 5000;

const MODEL = {
  schemaVersion: 1,
  id: 'delayed-bomb',
  name: 'Delayed bomb',
  entities: { deal: { fields: [{ key: 'call_at', label: 'Call at', type: 'datetime' }] } },
  pipelines: [
    {
      key: 'calls',
      name: 'Calls',
      entity: 'deal',
      stages: [
        {
          key: 'waiting',
          name: 'Waiting',
          kind: 'in_progress',
          triggers: [],
          robots: [
            {
              id: 'at_call',
              condition: { '!': MERGE_BOMB },
              timing: {
                kind: 'relative_to_field',
                field: 'call_at',
                direction: 'after',
                offset: { value: 0, unit: 'minutes' },
              },
              action: { type: 'add_comment', text: 'call now' },
            },
          ],
        },
      ],
    },
  ],
};

interface Proc {
  child: ChildProcess;
  url: string;
  exited: Promise<number | null>;
}

const running: Proc[] = [];

/** The real runtime on a free port with a 256 MB heap; resolves once it listens. */
function start(dataDir: string): Promise<Proc> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=256', '--import', 'tsx', RUNTIME_ENTRY],
    {
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        const proc = { child, url: m[1].replace(/\/$/, ''), exited };
        running.push(proc);
        resolve(proc);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((code) => reject(new Error(`runtime exited (${code}):\n${out.slice(-2000)}`)));
  });
}

async function stop(proc: Proc): Promise<void> {
  if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
  await proc.exited;
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each use checks its shape
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as any };
}

/** Polls `probe` until it gives a value (or the process dies, or 30 s pass). */
async function waitFor<T>(proc: Proc, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (proc.child.exitCode !== null) throw new Error(`runtime died (exit ${proc.child.exitCode})`);
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('gave up waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Entry {
  kind: string;
  ruleId?: string;
  outcome?: string;
  message: string;
}

afterEach(async () => {
  await Promise.all(running.splice(0).map(stop));
});

describe('a condition bomb in a delayed robot', () => {
  it('fails the robot once when its overdue timer fires at start-up; the server keeps answering', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-bomb-'));
    let proc = await start(dataDir);
    expect((await call(proc.url, 'POST', '/models', MODEL)).status).toBe(201);
    expect((await call(proc.url, 'POST', '/models/delayed-bomb/publish', {})).status).toBe(201);
    const callAt = Date.now() + DUE_IN_MS;
    const deal = await call(proc.url, 'POST', '/records/deals', {
      model: 'delayed-bomb',
      pipeline: 'calls',
      fields: { title: 'Call back', call_at: new Date(callAt).toISOString() },
    });
    expect(deal.status).toBe(201);
    const id = deal.body.id as string;
    const timers = await call(proc.url, 'GET', '/timers?model=delayed-bomb');
    expect(timers.body.items.length).toBe(1);
    expect(Date.now(), 'the process is stopped before the timer is due').toBeLessThan(callAt);
    await stop(proc);

    // The timer is overdue when the runtime starts again.
    while (Date.now() <= callAt) await new Promise((r) => setTimeout(r, 50));
    proc = await start(dataDir);
    const failed = await waitFor(proc, async () => {
      const tl = (await call(proc.url, 'GET', `/records/deals/${id}/timeline`)).body
        .items as Entry[];
      return tl.find((e) => e.ruleId === 'robot:at_call' && e.outcome === 'failed');
    });
    expect(failed.message).toMatch(
      /condition failed: evaluation stopped: more than 1,000,000 list elements/,
    );
    expect((await call(proc.url, 'GET', '/health')).status).toBe(200);
    expect((await call(proc.url, 'GET', '/timers?model=delayed-bomb')).body.items.length).toBe(0);

    // A further restart finds nothing to run again: the failure is recorded once.
    await stop(proc);
    proc = await start(dataDir);
    expect((await call(proc.url, 'GET', '/health')).status).toBe(200);
    const tl = (await call(proc.url, 'GET', `/records/deals/${id}/timeline`)).body.items as Entry[];
    expect(tl.filter((e) => e.ruleId === 'robot:at_call' && e.outcome === 'failed')).toHaveLength(
      1,
    );
  }, 60_000); // three start-ups of the real runtime: 30 s is tight on a loaded machine
});
