import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

let h: Harness;
afterEach(() => h?.close());

describe('GET /api/ready', () => {
  it('is 503 with the reason until the timer scheduler runs, then 200 with each check', async () => {
    h = await startServer();
    const before = await h.callAs(null, 'GET', '/api/ready');
    expect(before.status).toBe(503);
    expect(before.body).toEqual({
      status: 'not_ready',
      checks: { store: 'ok', timers: 'the timer scheduler is not running' },
      reasons: ['timers: the timer scheduler is not running'],
    });
    h.conveyor.scheduler.start();
    const after = await h.callAs(null, 'GET', '/api/ready');
    expect(after.status).toBe(200);
    expect(after.body).toEqual({ status: 'ready', checks: { store: 'ok', timers: 'ok' } });
    // Liveness does not depend on readiness.
    expect((await h.callAs(null, 'GET', '/api/health')).status).toBe(200);
  });

  it('runs the checks a store adds: a failing one, a throwing one and a hung one are reasons', async () => {
    h = await startServer(undefined, {
      ready: {
        migrations: async () => '2 migrations not applied',
        jobs: async () => {
          throw new Error('connection refused');
        },
        database: () => new Promise<undefined>(() => undefined),
      },
    });
    h.conveyor.scheduler.start();
    const res = await h.callAs(null, 'GET', '/api/ready');
    expect(res.status).toBe(503);
    expect(res.body.checks).toMatchObject({ store: 'ok', timers: 'ok' });
    expect(res.body.reasons).toEqual([
      'migrations: 2 migrations not applied',
      'jobs: connection refused',
      'database: no answer in 2000 ms',
    ]);
  });
});
