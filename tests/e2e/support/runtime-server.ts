import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESIGNER_BUILD } from '../../../scripts/build-stamp.js';
import { builtOutput } from '../../support/ensure-built.js';

export const RUNTIME_ENTRY = 'runtime/main.ts';

/** Checks that the global set-up built the designer from today's sources. */
export function builtDesigner(): string {
  return builtOutput(DESIGNER_BUILD);
}

export interface RunningRuntime {
  readonly url: string;
  stop(): void;
}

/** Starts the runtime on a free port with a temp data dir; reads the port from its banner. */
export function startRuntime(): Promise<RunningRuntime> {
  if (!existsSync(RUNTIME_ENTRY)) return Promise.reject(new Error(`${RUNTIME_ENTRY} missing`));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', RUNTIME_ENTRY], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'conveyor-e2e-data-')),
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
  return new Promise((resolve, reject) => {
    let out = '';
    const onData = (b: Buffer) => {
      out += b.toString();
      const m = /Conveyor listening on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1].replace(/\/$/, ''), stop });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`runtime exited (${code}):\n${out}`)));
    setTimeout(() => reject(new Error(`runtime did not start:\n${out}`)), 30_000).unref();
  });
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
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}
