import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServeKind, ServeMessage } from './serve.js';

const here = dirname(fileURLToPath(import.meta.url));

/** A bench server in its own process (`serve.ts`) and its IPC messages in order. */
export interface ServerProcess {
  child: ChildProcess;
  next: () => Promise<ServeMessage>;
}

/**
 * Starts `serve.ts` for a store (`where`: the data folder, or the database URL for
 * `postgres`). `cpuProfDir`: the server writes a CPU profile there when stopped.
 */
export function serve(kind: ServeKind, where: string, cpuProfDir?: string): ServerProcess {
  const child = fork(join(here, 'serve.ts'), [kind, where], {
    // A larger heap for the embedded stores: main's keeps every timeline entry in memory.
    execArgv: [
      '--import',
      'tsx',
      '--max-old-space-size=8192',
      ...(cpuProfDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`]),
    ],
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const inbox: ServeMessage[] = [];
  const waiting: Array<(m: ServeMessage) => void> = [];
  child.on('exit', (code, signal) => {
    if (signal !== 'SIGKILL')
      console.error(`  the ${kind} server exited (code ${code}, signal ${signal})`);
  });
  child.on('message', (m) => {
    const w = waiting.shift();
    if (w) w(m as ServeMessage);
    else inbox.push(m as ServeMessage);
  });
  const next = () =>
    new Promise<ServeMessage>((resolve, reject) => {
      const m = inbox.shift();
      if (m !== undefined) return resolve(m);
      waiting.push(resolve);
      child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
    });
  return { child, next };
}

/** The server's `ready` message (its port, token and start-up times). */
export async function ready(s: ServerProcess): Promise<Extract<ServeMessage, { kind: 'ready' }>> {
  const m = await s.next();
  if (m.kind !== 'ready') throw new Error('expected ready');
  return m;
}

/** Kills the server (a crash); when profiling, disconnects instead so it exits and writes its profile. */
export async function stop(s: ServerProcess, profiling: boolean): Promise<void> {
  if (s.child.exitCode !== null || s.child.signalCode !== null) return;
  const exited = new Promise((r) => s.child.once('exit', r));
  if (!profiling) s.child.kill('SIGKILL');
  else s.child.disconnect();
  await exited;
}

/** RSS, event-loop delay and CPU time since the last call. */
export async function stats(s: ServerProcess): Promise<Extract<ServeMessage, { kind: 'stats' }>> {
  s.child.send('stats');
  const m = await s.next();
  if (m.kind !== 'stats') throw new Error('expected stats');
  return m;
}
