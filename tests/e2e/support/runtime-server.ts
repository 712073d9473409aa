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

/** A runtime started with no owner: the setup link it printed, no session. */
export interface RuntimeWithoutOwner {
  readonly url: string;
  /** `http://127.0.0.1:<port>/setup#token=...`, as the server printed it. */
  readonly setupLink: string;
  stop(): void;
}

/**
 * Starts the runtime on a free port with a temp data dir (the owner from
 * `OWNER_EMAIL`/`OWNER_PASSWORD`); reads the port from its banner, then signs in.
 */
export function startRuntime(): Promise<RunningRuntime> {
  return spawnRuntime(true).then(async ({ url, stop }) => ({
    url,
    cookie: await ownerCookie(url),
    stop,
  }));
}

/**
 * Starts the runtime as a newcomer does: no `OWNER_*` variables, so it prints the
 * one-time setup link (read from its output) and answers 401 until the owner exists.
 */
export function startRuntimeWithoutOwner(): Promise<RuntimeWithoutOwner> {
  return spawnRuntime(false).then(({ url, setupLink, stop }) => {
    if (setupLink === undefined) throw new Error('the runtime printed no setup link');
    return { url, setupLink, stop };
  });
}

function spawnRuntime(
  withOwner: boolean,
): Promise<{ url: string; setupLink?: string; stop(): void }> {
  if (!existsSync(RUNTIME_ENTRY)) return Promise.reject(new Error(`${RUNTIME_ENTRY} missing`));
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: '0',
    HOST: '127.0.0.1',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'conveyor-e2e-data-')),
    ...(withOwner ? OWNER_ENV : {}),
  };
  if (!withOwner) {
    delete env.OWNER_EMAIL;
    delete env.OWNER_PASSWORD;
  }
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env,
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
  const listening = new Promise<{ url: string; setupLink?: string }>((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      // Without an owner the setup line follows the listening line: wait for both.
      const link = /Open (http:\/\/\S+\/setup#token=\S+) to create/.exec(out)?.[1];
      if (m?.[1] && (withOwner || link !== undefined))
        resolve({
          url: m[1].replace(/\/$/, ''),
          ...(link === undefined ? {} : { setupLink: link }),
        });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`runtime exited (${code}):\n${out}`)));
    setTimeout(() => reject(new Error(`runtime did not start:\n${out}`)), 30_000).unref();
  });
  return listening.then((started) => ({ ...started, stop }));
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
