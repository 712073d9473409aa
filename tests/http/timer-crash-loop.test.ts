import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';
import { TIMER_LAB_MODEL } from './timer-lab-model.js';
import { OWNER_ENV, ownerHeaders } from '../support/runtime-auth.js';

const RULE = 'robot:kills_process';

/** The lab model with one robot: at `call_at`, comment. Its timer is the one that "crashes". */
const MODEL = {
  ...TIMER_LAB_MODEL,
  id: 'crash-loop',
  pipelines: TIMER_LAB_MODEL.pipelines.map((p) => ({
    ...p,
    stages: p.stages.map((s) => ({
      ...s,
      robots: s.robots
        .filter((r) => r.id === 'at_call_kept')
        .map((r) => ({ ...r, id: 'kills_process', action: { type: 'add_comment', text: 'ran' } })),
    })),
  })),
};

interface Proc {
  child: ChildProcess;
  url: string;
  exited: Promise<NodeJS.Signals | number | null>;
}

const running = new Set<ChildProcess>();

/**
 * The real runtime (`runtime/main.ts`); resolves once it prints that it listens. With
 * `kill`, the test-only hook makes the process SIGKILL itself when a timer of RULE starts.
 */
function start(dataDir: string, kill: boolean): Promise<Proc> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    ...OWNER_ENV,
  };
  if (kill) env.CONVEYOR_TEST_KILL_ON_TIMER_RULE = RULE;
  else delete env.CONVEYOR_TEST_KILL_ON_TIMER_RULE;
  const child = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  const exited = new Promise<NodeJS.Signals | number | null>((r) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      r(signal ?? code);
    }),
  );
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1].replace(/\/$/, ''), exited });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    void exited.then((how) => reject(new Error(`runtime exited (${String(how)}):\n${out}`)));
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

interface Entry {
  kind: string;
  outcome?: string;
  message: string;
  data?: Record<string, unknown>;
}

const timeline = async (base: string, id: string): Promise<Entry[]> =>
  (await call(base, 'GET', `/records/deals/${id}/timeline`)).body.items as Entry[];

afterEach(() => {
  for (const c of running) c.kill('SIGKILL');
});

describe('a timer that takes the process down', () => {
  it('runs at most twice across restarts, then is parked, recorded and can be retried', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-crash-loop-'));
    const first = await start(dataDir, true);
    expect((await call(first.url, 'POST', '/models', MODEL)).status).toBe(201);
    expect((await call(first.url, 'POST', '/models/crash-loop/publish', {})).status).toBe(201);
    const created = await call(first.url, 'POST', '/records/deals', {
      model: 'crash-loop',
      pipeline: 'lab',
      fields: { title: 'Boom', call_at: new Date(Date.now() + 1500).toISOString() },
    });
    expect(created.status).toBe(201);
    const dealId = created.body.id as string;

    // The timer falls due and the process dies while it runs.
    expect(await first.exited).toBe('SIGKILL');

    // Restarted: it listens first (the overdue timer waits for that), then the timer,
    // marked in flight once already, runs again and kills it again.
    const second = await start(dataDir, true);
    expect(await second.exited).toBe('SIGKILL');

    // Third start: found in flight twice, the timer is parked instead of run.
    const third = await start(dataDir, true);
    expect((await call(third.url, 'GET', '/health')).body).toMatchObject({ status: 'ok' });
    const failed = (await call(third.url, 'GET', '/timers?model=crash-loop&status=failed')).body
      .items;
    expect(failed.length).toBe(1);
    const parked = failed[0];
    expect(parked).toMatchObject({ ruleId: RULE, recordId: dealId, status: 'failed' });
    expect(parked.lastError).toContain('the process stopped 2 times while this timer ran');
    expect(
      (await call(third.url, 'GET', '/timers?model=crash-loop&status=pending')).body.items.length,
    ).toBe(0);
    const tl = await timeline(third.url, dealId);
    expect(tl.filter((e) => e.kind === 'timer_failed')).toMatchObject([
      { outcome: 'parked', data: { reason: 'crashed', timerId: parked.id } },
    ]);
    expect(tl.filter((e) => e.kind === 'comment')).toEqual([]);
    // Still alive: the parked timer does not run on its own.
    expect((await call(third.url, 'GET', '/health')).status).toBe(200);
    third.child.kill('SIGTERM');
    await third.exited;

    // Without the hook (the robot fixed), a user retries it and it runs once.
    const fixed = await start(dataDir, false);
    const retried = await call(fixed.url, 'POST', `/timers/${parked.id}/retry`, {});
    expect(retried.status).toBe(200);
    expect(retried.body.status).toBeUndefined();
    let after = await timeline(fixed.url, dealId);
    while (!after.some((e) => e.kind === 'comment')) after = await timeline(fixed.url, dealId);
    expect(after.filter((e) => e.kind === 'comment').map((e) => e.message)).toEqual(['ran']);
    expect(after.some((e) => e.kind === 'timer_retried')).toBe(true);
    expect((await call(fixed.url, 'GET', '/timers?model=crash-loop')).body.items.length).toBe(0);
    fixed.child.kill('SIGTERM');
    await fixed.exited;
  }, 90_000);
});
