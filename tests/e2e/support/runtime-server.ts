import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESIGNER_BUILD } from '../../../scripts/build-stamp.js';
import { builtOutput } from '../../support/ensure-built.js';
import { OWNER_ENV, ownerCookie, ownerHeaders } from '../../support/runtime-auth.js';

export const RUNTIME_ENTRY = 'runtime/main.ts';

/** Checks that the global set-up built the designer from today's sources. */
export function builtDesigner(): string {
  return builtOutput(DESIGNER_BUILD);
}

export interface RunningRuntime {
  readonly url: string;
  /** The test owner's session cookie (`conveyor_session=...`), signed in at start. */
  readonly cookie: string;
  stop(): void;
}

/**
 * Starts the runtime on a free port with a temp data dir (the owner from
 * `OWNER_EMAIL`/`OWNER_PASSWORD`); reads the port from its banner, then signs in.
 */
export function startRuntime(): Promise<RunningRuntime> {
  if (!existsSync(RUNTIME_ENTRY)) return Promise.reject(new Error(`${RUNTIME_ENTRY} missing`));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'conveyor-e2e-data-')),
      ...OWNER_ENV,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  const listening = new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1].replace(/\/$/, ''));
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`runtime exited (${code}):\n${out}`)));
    setTimeout(() => reject(new Error(`runtime did not start:\n${out}`)), 30_000).unref();
  });
  return listening.then(async (url) => ({ url, cookie: await ownerCookie(url), stop }));
}

/** JSON over HTTP against the runtime. */
export async function api<T>(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: {
      ...(await ownerHeaders(base)),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
