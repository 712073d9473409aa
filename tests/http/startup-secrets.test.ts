import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RUNTIME_ENTRY } from '../e2e/support/runtime-server.js';

/** Starts the real server with `env` and collects what it prints until it exits. */
function startWith(env: Record<string, string>): Promise<{ code: number | null; out: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'conveyor-startup-'));
  const child = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr.on('data', (b: Buffer) => (out += b.toString()));
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve({ code, out }));
    // A server that did start is a failure of the test: stop it and show what it said.
    child.stdout.on('data', () => {
      if (out.includes('Conveyor listening')) child.kill('SIGKILL');
    });
  });
}

describe('a malformed delivery URL in the environment', () => {
  it.each([
    ['SMTP_URL', 'smtp://mailer:hunter2-smtp@smtp.local:99999', 'hunter2-smtp'],
    ['SMTP_URL', 'smtp//mailer:hunter2-smtp@smtp.local:25', 'hunter2-smtp'],
    ['MESSAGE_WEBHOOK_URL', 'http://gw:s3cret-gw@[::1', 's3cret-gw'],
  ])(
    '%s=%s stops start-up with one line naming the variable, not the password',
    async (name, value, secret) => {
      const { code, out } = await startWith({ [name]: value });
      expect(code).toBe(1);
      expect(out).toContain(`${name} is not a URL`);
      expect(out).not.toContain(secret);
      // One clear line, not a stack trace.
      expect(out).not.toMatch(/^\s+at /m);
    },
  );
});
