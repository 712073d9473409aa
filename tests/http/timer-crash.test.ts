import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';
import { waitFor } from '../support/wait-for.js';
import { TIMER_LAB_MODEL } from './timer-lab-model.js';

const RECORDS = 300;

/** The lab model with one robot: at `call_at`, add 1 to `fires`. Twice would show as 2. */
const MODEL = {
  ...TIMER_LAB_MODEL,
  id: 'crash-lab',
  pipelines: TIMER_LAB_MODEL.pipelines.map((p) => ({
    ...p,
    stages: p.stages.map((s) => ({
      ...s,
      robots: s.robots
        .filter((r) => r.id === 'before_call')
        .map((r) => ({
          ...r,
          id: 'at_call',
          timing: { ...r.timing, direction: 'after', offset: { value: 0, unit: 'minutes' } },
        })),
    })),
  })),
};

interface Proc {
  child: ChildProcess;
  url: string;
}

/** The real runtime (`runtime/main.ts`) on a free port; resolves once it listens. */
function start(dataDir: string): Promise<Proc> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ child, url: m[1].replace(/\/$/, '') });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`runtime exited (${code}):\n${out}`)));
  });
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

const pending = async (base: string): Promise<number> =>
  (await call(base, 'GET', '/timers?model=crash-lab&limit=1000')).body.items.length as number;

describe('timers survive SIGKILL', () => {
  it('every timer fires exactly once across a kill -9 mid-stream and a restart; no record is lost', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-crash-'));
    let proc = await start(dataDir);
    try {
      expect((await call(proc.url, 'POST', '/models', MODEL)).status).toBe(201);
      expect((await call(proc.url, 'POST', '/models/crash-lab/publish', {})).status).toBe(201);

      // Due times spread over 3 s, starting 6 s from now (creating them takes a while).
      const t0 = Date.now() + 6000;
      const ids: string[] = [];
      for (let i = 0; i < RECORDS; i += 20) {
        const batch = await Promise.all(
          Array.from({ length: Math.min(20, RECORDS - i) }, (_, k) =>
            call(proc.url, 'POST', '/records/deals', {
              model: 'crash-lab',
              pipeline: 'lab',
              fields: {
                title: `r${i + k}`,
                call_at: new Date(t0 + ((i + k) * 3000) / RECORDS).toISOString(),
              },
            }),
          ),
        );
        for (const r of batch) {
          expect(r.status).toBe(201);
          ids.push(r.body.id as string);
        }
      }
      expect(Date.now(), 'records were created before their timers fell due').toBeLessThan(t0);
      expect(await pending(proc.url)).toBe(RECORDS);

      // Kill -9 once a quarter have fired, while the rest are firing; start again and
      // kill again while the overdue ones fire on start; then let it finish.
      const kill = async () => {
        proc.child.kill('SIGKILL');
        await new Promise((r) => proc.child.once('exit', r));
      };
      const url = () => proc.url;
      const atKill = await waitFor('a quarter of the timers fired', async () => {
        const left = await pending(url());
        return left <= (RECORDS * 3) / 4 ? left : undefined;
      });
      await kill();
      proc = await start(dataDir);
      // Kill again once the restarted process is firing its overdue timers.
      await waitFor('the restarted runtime firing overdue timers', async () =>
        (await pending(url())) < atKill ? true : undefined,
      );
      await kill();
      proc = await start(dataDir);
      await waitFor(
        'every timer fired',
        async () => ((await pending(url())) === 0 ? true : undefined),
        15_000,
      );

      const deals = (await call(proc.url, 'GET', '/records/deals?pipeline=lab&limit=1000')).body
        .items as Array<{
        id: string;
        fields: { fires?: number };
      }>;
      const byId = new Map(deals.map((d) => [d.id, d]));
      const missing = ids.filter((id) => !byId.has(id));
      expect(missing, 'acknowledged records lost').toEqual([]);
      const wrong = ids
        .map((id) => ({ id, fires: byId.get(id)?.fields.fires }))
        .filter((x) => x.fires !== 1);
      expect(wrong, 'records whose timer did not fire exactly once').toEqual([]);
      // The timeline agrees: one timer_fired per record.
      for (const id of ids.slice(0, 30)) {
        const tl = (await call(proc.url, 'GET', `/records/deals/${id}/timeline`)).body
          .items as Array<{
          kind: string;
        }>;
        expect(
          tl.filter((e) => e.kind === 'timer_fired'),
          id,
        ).toHaveLength(1);
      }
    } finally {
      proc.child.kill('SIGKILL');
    }
  }, 60_000);
});
