import { backoffDelay } from '../delivery/retry-policy.js';
import type { PreparedRuleSet } from '../engine/prepared-rule-set.js';
import type { Logger } from '../engine/ports.js';
import { recordTimerFailure, type TimerFailure } from '../engine/timers/record-timer-failure.js';
import type { Page } from '../domain/page.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { TimerDoc } from '../domain/timer.js';
import {
  CRASHES_BEFORE_PARKING,
  DEFAULT_TIMER_RETRY_POLICY,
  type TimerRetryPolicy,
} from './timer-retry-policy.js';
import { nodeWakeUp, type WakeUp } from './wake-up.js';

const versionKey = (id: string, n: number): string => `${id}@${String(n).padStart(6, '0')}`;
const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

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
  /** How a timer whose run throws is tried again (default DEFAULT_TIMER_RETRY_POLICY). */
  retry?: Partial<TimerRetryPolicy>;
  /**
   * Persist `inFlight` before each run (default true). Off where no process can die
   * mid-run and leave files behind: the simulation's memory store.
   */
  markInFlight?: boolean;
  /**
   * Called once a timer's in-flight mark is on disk, just before it runs. Test-only
   * (`main.ts` sets it from `CONVEYOR_TEST_KILL_ON_TIMER_RULE`) to stand in for a robot
   * that takes the process down.
   */
  beforeRun?: (timer: TimerDoc) => void;
  /** Most timers claimed per round (default 500): a backlog runs in bounded batches. */
  batchSize?: number;
  /** How long a claim keeps a timer from other schedulers (store default when absent). */
  claimLeaseMs?: number;
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
  private readonly retry: TimerRetryPolicy;
  private recovered = false;
  private stopping = false;
  private readonly batchSize: number;

  constructor(
    private readonly core: RuntimeCore,
    private readonly options: SchedulerOptions = {},
  ) {
    this.wakeUp = options.wakeUp ?? nodeWakeUp;
    this.maxSleepMs = options.maxSleepMs ?? 1000;
    this.batchSize = options.batchSize ?? 500;
    this.retry = { ...DEFAULT_TIMER_RETRY_POLICY, ...options.retry };
  }

  /** Fires the timers due at `clock.now()` (at most `batchSize`), in due-time order; resolves to how many fired. */
  tick(): Promise<number> {
    this.stopping = false;
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
   * Runs the due timers, each in its own batch, in due order; resolves once they have
   * run in memory, with a promise of their being on disk. Before a timer runs its
   * `inFlight` mark is on disk (one write marks a group: see `nextGroup`), so a run
   * that takes the process down is known after the restart. A run that throws is
   * rolled back and recorded as a failure: tried again later with backoff, then parked.
   * A timer whose batch a crash loses is still in the files and fires after the
   * restart, with its effects (they were lost too).
   */
  private async fireDue(): Promise<{ ran: number; durable: Promise<void> }> {
    const { store, engine, clock } = this.core;
    await this.parkCrashLoops();
    const claimed = await store.claimDueTimers(
      clock.now().toISOString(),
      this.batchSize,
      this.options.claimLeaseMs,
    );
    // Several processes: a mark may be a live process's run, so crash loops are judged
    // only on timers this scheduler just claimed (no live process holds them).
    const due: TimerDoc[] = [];
    for (const t of claimed) {
      if (this.shared() && (t.inFlight ?? 0) >= CRASHES_BEFORE_PARKING) await this.park(t);
      else due.push(t);
    }
    const pins = new Map<string, PreparedRuleSet[]>();
    for (const t of due) {
      const key = versionKey(t.modelId, t.version);
      if (pins.has(key)) continue;
      const v = await store.get('versions', key);
      pins.set(key, v === undefined ? [] : [engine.version(v.modelId, v.version, v.ruleSet)]);
    }
    const ran: Array<Promise<boolean>> = [];
    const written: Array<Promise<void>> = [];
    for (let i = 0; i < due.length;) {
      // Shutting down: the rest stay due (unmarked) for the next start; their claims end
      // with this process, or with the lease if the same open store gets a new scheduler.
      if (this.stopping) break;
      const group = this.nextGroup(due, i);
      i += group.length;
      let marked: TimerDoc[] = group;
      if (this.options.markInFlight !== false) {
        try {
          marked = await this.markInFlight(
            group.map((t) => t.id),
            group.length > 1,
          );
        } catch (e) {
          // Nothing can be stored: stop this round, look again after maxSleepMs.
          this.failed = true;
          this.options.log?.error(`timer ${group[0]?.id ?? ''} not started: ${errorText(e)}`);
          break;
        }
      }
      for (const timer of marked) {
        if (this.options.markInFlight !== false) this.options.beforeRun?.(timer);
        const pinned = pins.get(versionKey(timer.modelId, timer.version));
        let done: (fired: boolean) => void = () => undefined;
        ran.push(new Promise<boolean>((r) => (done = r)));
        // The record's lock (several processes), taken in due order so the runs keep it.
        let release: () => Promise<void>;
        try {
          release = await this.core.lockRecord(timer.recordId);
        } catch (e) {
          done(false);
          this.failed = true;
          this.options.log?.error(`timer ${timer.id} not started: ${errorText(e)}`);
          break;
        }
        const write = this.core
          .changeLocked(async (tx, run) => {
            const pending = await tx.get('timers', timer.id);
            if (pending !== undefined) await engine.fireTimer(await run(), pending);
            done(pending !== undefined);
            return pending !== undefined;
          }, pinned)
          .then(
            (fired) => {
              if (fired)
                this.options.onFired?.(timer, clock.now().getTime() - Date.parse(timer.dueAt));
            },
            (e: unknown) => {
              done(false);
              return this.recordFailure(timer.id, errorText(e), pinned);
            },
          )
          .finally(release);
        written.push(write);
      }
    }
    const durable = Promise.all(written).then(() => undefined);
    this.writing.add(durable);
    void durable.finally(() => this.writing.delete(durable));
    const fired = (await Promise.all(ran)).filter(Boolean).length;
    return { ran: fired, durable };
  }

  /**
   * The timers that run after one in-flight mark, from `due[from]`: a timer found in
   * flight (it was running, or marked to run, when the process died) runs alone, so a
   * crash while it runs counts against it only; the others run together after one
   * write marks them all. One write per timer made the scheduler fire one timer per
   * disk flush, falling behind when clients kept the disk busy. When the process dies
   * during a group, no timer of it counts a crash (which one ran is not known): each
   * runs alone at the next start (marked `queuedRun`), where a crash counts.
   */
  private nextGroup(due: readonly TimerDoc[], from: number): TimerDoc[] {
    const alone = (t: TimerDoc): boolean => (t.inFlight ?? 0) > 0 || t.queuedRun === true;
    const first = due[from] as TimerDoc;
    if (alone(first) || this.options.markInFlight === false) return [first];
    let end = from + 1;
    while (end < due.length && !alone(due[end] as TimerDoc)) end++;
    return due.slice(from, end);
  }

  /**
   * Puts the timers' marks on disk in one write: a timer alone counts a run in flight,
   * a group's are queued runs; those gone or parked are left out.
   */
  private markInFlight(ids: readonly string[], group: boolean): Promise<TimerDoc[]> {
    return this.core.change(async (tx) => {
      const marked: TimerDoc[] = [];
      for (const id of ids) {
        const t = await tx.get('timers', id);
        if (t === undefined || t.status === 'failed') continue;
        const { queuedRun: _q, ...rest } = t;
        const m: TimerDoc = group
          ? { ...t, queuedRun: true }
          : { ...rest, inFlight: (t.inFlight ?? 0) + 1 };
        tx.put('timers', id, m);
        marked.push(m);
      }
      return marked;
    });
  }

  /** A run threw (and was rolled back): record it, and retry later or park the timer. */
  private async recordFailure(
    id: string,
    error: string,
    pinned: PreparedRuleSet[] | undefined,
  ): Promise<void> {
    this.options.log?.error(`timer ${id} failed: ${error}`);
    const { maxAttempts } = this.retry;
    try {
      await this.core.change(async (tx, run) => {
        const t = await tx.get('timers', id);
        if (t === undefined) return;
        const ctx = await run();
        const attempts = (t.attempts ?? 0) + 1;
        const failure: TimerFailure = { reason: 'failed', error, attempts, maxAttempts };
        const retryAt =
          attempts >= maxAttempts
            ? undefined
            : new Date(Date.parse(ctx.now) + backoffDelay(attempts, this.retry)).toISOString();
        recordTimerFailure(ctx, t, retryAt === undefined ? failure : { ...failure, retryAt });
      }, pinned);
    } catch (e) {
      // Not even the failure could be stored: the timer stays due; look again later.
      this.failed = true;
      this.options.log?.error(`timer ${id} failure not recorded: ${errorText(e)}`);
    }
  }

  /**
   * Once per process, before any timer runs: a timer whose in-flight mark says it was
   * running when the process died CRASHES_BEFORE_PARKING times is parked, so a robot
   * that kills the process cannot do so on every restart.
   */
  private async parkCrashLoops(): Promise<void> {
    if (this.recovered) return;
    this.recovered = true;
    if (this.options.markInFlight === false || this.shared()) return;
    const suspects: TimerDoc[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<TimerDoc> = await this.core.store.query(
        'timers',
        { state: 'pending', inFlight: true },
        { limit: 1000, cursor },
      );
      suspects.push(...page.items.filter((t) => (t.inFlight ?? 0) >= CRASHES_BEFORE_PARKING));
      cursor = page.nextCursor;
    } while (cursor !== null);
    for (const s of suspects) await this.park(s);
  }

  /** A store shared by several processes (it locks records across them). */
  private shared(): boolean {
    return this.core.store.lockRecord !== undefined && this.options.markInFlight !== false;
  }

  /** Parks a timer whose runs took the process down CRASHES_BEFORE_PARKING times. */
  private async park(timer: TimerDoc): Promise<void> {
    const id = timer.id;
    // Under the record's lock, like a run: a run that got there first leaves nothing to park.
    await this.core.changeRecord(timer.recordId, async (tx, run) => {
      const t = await tx.get('timers', id);
      if (t === undefined) return;
      const attempts = (t.attempts ?? 0) + (t.inFlight ?? 0);
      recordTimerFailure(await run(), t, {
        reason: 'crashed',
        error: `the process stopped ${t.inFlight ?? 0} times while this timer ran`,
        attempts,
        maxAttempts: this.retry.maxAttempts,
      });
    });
    this.options.log?.error(`timer ${id} parked: the process stopped while it ran`);
  }

  /** Fires what is due now, then keeps firing timers as they fall due. */
  /** Whether `start` was called and `stop` was not: timers are being fired. */
  isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
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
    this.stopping = true;
    this.unwatch?.();
    this.unwatch = undefined;
    this.disarm();
    await this.ticking;
    await this.dispatching;
    await Promise.all(this.writing);
  }
}
