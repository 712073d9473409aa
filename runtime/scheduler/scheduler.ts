import type { RuntimeCore } from '../services/runtime-core.js';

const versionKey = (id: string, n: number): string => `${id}@${String(n).padStart(6, '0')}`;

/**
 * Fires persisted timers when they are due, by the injected clock. Each timer runs in
 * its own batch (the timer's deletion is in the same write as its effects), pinned to
 * the version it was planned under. Timers already due at start fire once, in order.
 */
export class Scheduler {
  private handle: ReturnType<typeof setInterval> | undefined;
  private ticking: Promise<number> | undefined;

  constructor(private readonly core: RuntimeCore) {}

  /** Fires every due timer; resolves to how many fired. */
  tick(): Promise<number> {
    this.ticking ??= this.fireDue().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  private async fireDue(): Promise<number> {
    const { store, engine, clock } = this.core;
    const due = await store.dueTimers(clock.now().toISOString());
    for (const timer of due) {
      const v = await store.get('versions', versionKey(timer.modelId, timer.version));
      const pinned = v === undefined ? [] : [engine.version(v.modelId, v.version, v.ruleSet)];
      await this.core.change(async (tx, run) => {
        if ((await tx.get('timers', timer.id)) === undefined) return;
        await engine.fireTimer(await run(), timer);
      }, pinned);
    }
    return due.length;
  }

  start(intervalMs = 1000): void {
    void this.tick();
    this.handle = setInterval(() => void this.tick(), intervalMs);
    this.handle.unref();
  }

  async stop(): Promise<void> {
    if (this.handle !== undefined) clearInterval(this.handle);
    this.handle = undefined;
    await this.ticking;
  }
}
