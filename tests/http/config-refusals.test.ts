import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';

/** Starts the real server with `env`; a server that does start is stopped (the test then fails). */
function startWith(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'conveyor-config-')),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
  child.stdout.on('data', (b: Buffer) => {
    if (b.toString().includes('Conveyor listening')) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
}

describe('configuration is checked at start', () => {
  it('lists every problem at once, one line each, secrets redacted, and exits 1', async () => {
    const { code, stderr } = await startWith({
      PORT: '70000',
      HOST: 'not a host',
      LOG_LEVEL: 'loud',
      SHUTDOWN_TIMEOUT_MS: '-5',
      SEED_EXAMPLES: 'maybe',
      TEMPLATE_RENDER_LIMIT_MS: 'fast',
      RATE_LIMIT_BULK_READS: 'lots',
      ALLOWED_ORIGINS: 'crm.example.com',
      OWNER_EMAIL: 'owner@example.com',
      SMTP_URL: 'smtp//mailer:hunter2-config@smtp.local:25',
    });
    expect(code).toBe(1);
    const lines = stderr.trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^HOST must be an address to listen on .* not "not a host"$/),
      'SEED_EXAMPLES must be 1 or 0, not "maybe"',
      'PORT must be a whole number from 0 to 65535, not "70000"',
      expect.stringMatching(/^LOG_LEVEL must be one of trace, debug, .* not "loud"$/),
      'SHUTDOWN_TIMEOUT_MS must be a positive whole number, not "-5"',
      expect.stringMatching(/^TEMPLATE_RENDER_LIMIT_MS .*"fast"/),
      expect.stringMatching(/^SMTP_URL is not a URL/),
      expect.stringMatching(/RATE_LIMIT_BULK_READS/),
      expect.stringMatching(/OWNER_EMAIL and OWNER_PASSWORD go together/),
      expect.stringMatching(/^ALLOWED_ORIGINS: "crm.example.com" is not an origin/),
    ]);
    expect(stderr).not.toContain('hunter2-config');
    expect(stderr).not.toMatch(/^\s+at /m);
  });
});
