import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from '../http/server-harness.js';
import { runCli } from './run-cli.js';

describe('CLI commands that talk to a server authenticate with CONVEYOR_TOKEN', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
  });
  afterAll(() => h.close());

  it("whoami names the token's account and role", async () => {
    const r = await runCli(['whoami'], { CONVEYOR_URL: h.url, CONVEYOR_TOKEN: h.ownerToken ?? '' });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      `Olga Owner <owner@conveyor.test> as owner, by token "test harness", on ${h.url}\n`,
    );
  });

  it('without CONVEYOR_TOKEN it says how to get one; a revoked token is refused clearly', async () => {
    const missing = await runCli(['whoami'], { CONVEYOR_URL: h.url, CONVEYOR_TOKEN: '' });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('CONVEYOR_TOKEN is not set');
    const made = await h.call('POST', '/api/tokens', { name: 'script', role: 'viewer' });
    await h.call('DELETE', `/api/tokens/${made.body.id}`);
    const refused = await runCli(['whoami'], {
      CONVEYOR_URL: h.url,
      CONVEYOR_TOKEN: made.body.token,
    });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('refused CONVEYOR_TOKEN (UNAUTHENTICATED');
    expect(refused.stderr).not.toContain(made.body.token);
  });
});
