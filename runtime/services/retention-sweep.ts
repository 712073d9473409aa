import type { RecycleBinService } from './recycle-bin-service.js';

/** How often deleted records past their retention are looked for (hourly). */
export const RETENTION_SWEEP_MS = 3_600_000;

/**
 * Purges the recycle bin's expired entries periodically (the start-up purge is done by
 * `createApp`). The timer does not keep the process alive; `stop` ends it and waits for
 * a sweep under way. A failed sweep is logged and tried again at the next one.
 */
export function startRetentionSweep(
  bin: RecycleBinService,
  log: (line: string) => void,
  everyMs = RETENTION_SWEEP_MS,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const handle = setInterval(() => {
    running = bin
      .purgeExpired()
      .catch((e: unknown) =>
        log(`recycle bin retention: ${e instanceof Error ? e.message : String(e)}`),
      );
  }, everyMs);
  handle.unref();
  return {
    async stop() {
      clearInterval(handle);
      await running;
    },
  };
}
