import { spawn } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

let h: Harness;
afterEach(() => h?.close());

/** The container's HEALTHCHECK command against the harness server (async: it serves in this process). */
function probe(env: Record<string, string>): Promise<number | null> {
  const port = new URL(h.url).port;
  const { ALLOWED_HOSTS: _, ...base } = process.env;
  const child = spawn(process.execPath, ['scripts/probe-ready.mjs'], {
    env: { ...base, PORT: port, ...env },
    stdio: 'ignore',
  });
  return new Promise((resolve) => child.on('exit', resolve));
}

describe('scripts/probe-ready.mjs (Dockerfile HEALTHCHECK)', () => {
  it('exits 1 while /api/ready is 503 and 0 once it is 200', async () => {
    h = await startServer();
    expect(await probe({})).toBe(1);
    h.conveyor.scheduler.start();
    expect(await probe({})).toBe(0);
  });

  it('names the first of ALLOWED_HOSTS as Host, so the host check lets it through', async () => {
    h = await startServer(undefined, { allowedHosts: ['crm.example.com'] });
    h.conveyor.scheduler.start();
    expect((await h.call('GET', '/api/ready')).status).toBe(421);
    expect(await probe({ ALLOWED_HOSTS: 'crm.example.com,other.example.com' })).toBe(0);
  });
});
