import type { PreparedRuleSet } from '../engine/prepared-rule-set.js';
import type { Logger } from '../engine/ports.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { TimerDoc } from '../store/store-types.js';
import { nodeWakeUp, type WakeUp } from './wake-up.js';

const versionKey = (id: string, n: number): string => `${id}@${String(n).padStart(6, '0')}`;

export interface SchedulerOptions {
  wakeUp?: WakeUp;
  log?: Logger;
  /**
   * Longest sleep between looks at the clock. Sleeps are measured by the monotonic
   * timer while due times are wall-clock, so this bounds how late a timer fires after
   * the wall clock jumps forward (and how soon a failing timer is tried again).
   */
  maxSleepMs?: number;
  /** Called after each timer's batch is on disk, with how late it ran (metrics, benches). */
  onFired?: (timer: TimerDoc, lateMs: number) => void;
}

/**
 * Fires persisted timers when they are due, by the injected clock. Each timer runs in
 * its own batch (the timer's deletion is in the same write as its effects), pinned to
 * the version it was planned under. Timers already due at start fire once, in order.
 * Once started, it sleeps until the earliest due time and wakes again whenever a batch
 * adds, re-plans or removes a timer.
 */
export class Scheduler {
  private handle: unknown;
  private armedFor: number | undefined;
  private ticking: Promise<number> | undefined;
  private dispatching: Promise<unknown> | undefined;
  private readonly writing = new Set<Promise<void>>();
  private running = false;
  private unwatch: (() => void) | undefined;
  private failed = false;
  private readonly wakeUp: WakeUp;
  private readonly maxSleepMs: number;

  constructor(
    private readonly core: RuntimeCore,
    private readonly options: SchedulerOptions = {},
  ) {
    this.wakeUp = options.wakeUp ?? nodeWakeUp;
    this.maxSleepMs = options.maxSleepMs ?? 1000;
  }

  /** Fires every timer due at `clock.now()`, in due-time order; resolves to how many fired. */
  tick(): Promise<number> {
    this.ticking ??= (async () => {
      await this.dispatching;
      const { ran, durable } = await this.fireDue();
      await durable;
      return ran;
    })().finally(() => {
      this.ticking = undefined;
    });
    return this.ticking;
  }

  /**
   * Runs the due timers (each its own batch, queued in due order in the writer lane);
   * resolves once they have run in memory, with a promise of their being on disk. The
   * loop moves on without waiting for the disk: a timer whose batch a crash loses is
   * still in the files and fires after the restart, with its effects (they were lost too).
   */
  private async fireDue(): Promise<{ ran: number; durable: Promise<void> }> {
    const { store, engine, clock } = this.core;
    const due = await store.dueTimers(clock.now().toISOString());
    const pins = new Map<string, PreparedRuleSet[]>();
    for (const t of due) {
      const key = versionKey(t.modelId, t.version);
      if (pins.has(key)) continue;
      const v = await store.get('versions', key);
      pins.set(key, v === undefined ? [] : [engine.version(v.modelId, v.version, v.ruleSet)]);
    }
    const ran: Array<Promise<boolean>> = [];
    const written = due.map((timer) => {
      let done: (fired: boolean) => void = () => undefined;
      ran.push(new Promise<boolean>((r) => (done = r)));
      return this.core
        .change(
          async (tx, run) => {
            const pending = (await tx.get('timers', timer.id)) !== undefined;
            if (pending) await engine.fireTimer(await run(), timer);
            done(pending);
            return pending;
          },
          pins.get(versionKey(timer.modelId, timer.version)),
        )
        .then(
          (fired) => {
            if (fired)
              this.options.onFired?.(timer, clock.now().getTime() - Date.parse(timer.dueAt));
          },
          (e: unknown) => {
            done(false);
            this.failed = true;
            const msg = e instanceof Error ? e.message : String(e);
            this.options.log?.error(`timer ${timer.id} failed: ${msg}`);
          },
        );
    });
    const durable = Promise.all(written).then(() => undefined);
    this.writing.add(durable);
    void durable.finally(() => this.writing.delete(durable));
    const fired = (await Promise.all(ran)).filter(Boolean).length;
    return { ran: fired, durable };
  }

  /** Fires what is due now, then keeps firing timers as they fall due. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.unwatch = this.core.store.onTimersChanged(() => this.rearm());
    void this.loop();
  }

  private async loop(): Promise<void> {
    this.disarm();
    if (!this.running) return;
    this.failed = false;
    if (this.ticking !== undefined) await this.ticking;
    const step = this.fireDue();
    this.dispatching = step;
    await step.finally(() => {
      this.dispatching = undefined;
    });
    await this.arm();
  }

  /** Sleeps until the earliest due time (at most `maxSleepMs`). */
  private async arm(): Promise<void> {
    if (!this.running || this.busy()) return;
    const next = await this.core.store.nextTimerDue();
    if (!this.running || this.busy()) return;
    const now = this.core.clock.now().getTime();
    let wait = next === undefined ? this.maxSleepMs : Date.parse(next) - now;
    wait = Math.max(0, Math.min(wait, this.maxSleepMs));
    if (this.failed) wait = this.maxSleepMs;
    const at = now + wait;
    if (this.handle !== undefined && this.armedFor !== undefined && this.armedFor <= at) return;
    this.disarm();
    this.armedFor = at;
    this.handle = this.wakeUp.set(wait, () => {
      this.handle = undefined;
      this.armedFor = undefined;
      void this.loop();
    });
  }

  /** A batch changed the timers: an earlier one may now be first. */
  private rearm(): void {
    if (!this.running || this.busy()) return;
    void this.arm();
  }

  private busy(): boolean {
    return this.ticking !== undefined || this.dispatching !== undefined;
  }

  private disarm(): void {
    if (this.handle !== undefined) this.wakeUp.clear(this.handle);
    this.handle = undefined;
    this.armedFor = undefined;
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unwatch?.();
    this.unwatch = undefined;
    this.disarm();
    await this.ticking;
    await this.dispatching;
    await Promise.all(this.writing);
  }
}
