import type { Server } from 'node:http';
import { constants } from 'node:os';
import type { Logger } from '../engine/ports.js';

/** One thing to stop on the way out, named for the log when it fails. */
export interface ShutdownStep {
  name: string;
  run: () => Promise<void>;
}

export interface ShutdownOptions {
  server: Server;
  /** After this long the process exits with 1 whatever is still running. */
  timeoutMs: number;
  log: Logger;
  /** Called at the first signal (readiness turns 503 so a balancer stops sending). */
  onDraining?: () => void;
  /** Started with the drain, awaited with it: the scheduler, the dispatcher. */
  whileDraining: readonly ShutdownStep[];
  /** Once no request is left, in order: close the store, flush the logs. */
  afterDrained: readonly ShutdownStep[];
  exit?: (code: number) => void;
  signals?: readonly NodeJS.Signals[];
}

/** Stops listening and resolves once every open request has been answered. */
function drain(server: Server): Promise<void> {
  return new Promise((resolve) => {
    // Idle keep-alive sockets would hold close() open; busy ones close after their answer.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    server.close(() => {
      clearInterval(idle);
      resolve();
    });
    server.closeIdleConnections();
  });
}

async function runStep(step: ShutdownStep, log: Logger): Promise<void> {
  try {
    await step.run();
  } catch (e) {
    log.error(`shutdown: ${step.name} failed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Graceful shutdown on SIGTERM and SIGINT: stop accepting connections, let requests in
 * flight finish (and the engine runs they carry), stop the scheduler (it waits for the
 * timer run in flight) and the dispatcher, then close the store and exit 0. Past
 * `timeoutMs` it exits 1 with what was unfinished; a second signal exits at once
 * (128 + the signal's number, as a shell reports a killed process).
 */
export function handleShutdownSignals(options: ShutdownOptions): void {
  const exit = options.exit ?? ((code: number) => process.exit(code));
  const { log } = options;
  let draining = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (draining) {
      log.error(`${signal} again: exiting now, without waiting`);
      exit(128 + constants.signals[signal]);
      return;
    }
    draining = true;
    log.info(`${signal}: shutting down (at most ${options.timeoutMs} ms)`);
    options.onDraining?.();
    const pending = new Set<string>(['requests in flight']);
    setTimeout(() => {
      log.error(
        `shutdown did not finish in ${options.timeoutMs} ms (SHUTDOWN_TIMEOUT_MS), still waiting for: ${[...pending].join(', ')}; exiting`,
      );
      exit(1);
    }, options.timeoutMs);
    const tracked = (step: ShutdownStep): Promise<void> => {
      pending.add(step.name);
      return runStep(step, log).finally(() => pending.delete(step.name));
    };
    void (async () => {
      await Promise.all([
        drain(options.server).finally(() => pending.delete('requests in flight')),
        ...options.whileDraining.map(tracked),
      ]);
      for (const step of options.afterDrained) await tracked(step);
      log.info('shut down cleanly');
      exit(0);
    })();
  };
  for (const signal of options.signals ?? ['SIGTERM', 'SIGINT']) process.on(signal, onSignal);
}
