import type { Clock, Logger } from '../engine/ports.js';
import type { Page } from '../domain/page.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { OutboxDoc } from '../domain/outbox.js';
import type { WriteOp } from '../domain/write-op.js';
import { deliverItem } from './deliver-item.js';
import type { DeliveryPorts, DeliveryResult } from './delivery-ports.js';
import { backoffDelay, type RetryPolicy } from './retry-policy.js';
import { recordAttempt } from './record-attempt.js';

/** A delivery job arrived while the dispatcher was not running: the queue retries it. */
export class DispatcherStoppedError extends Error {
  constructor(id: string) {
    super(`delivery of ${id} not attempted: the dispatcher is stopped (the job is tried again)`);
    this.name = 'DispatcherStoppedError';
  }
}

export interface DispatcherOptions {
  policy: RetryPolicy;
  clock: Clock;
  log?: Logger;
  random?: () => number;
  /** Attempts under way at once, so a backlog (after a restart) is not one burst (8). */
  concurrency?: number;
  /**
   * Deliveries are jobs of a queue shared by every process (PostgreSQL + graphile-worker):
   * this dispatcher schedules nothing itself; the job worker calls `deliver(id)`.
   */
  byJobs?: boolean;
}

/**
 * Delivers pending outbox items after the batch that created them is durable, retries
 * transient failures with backoff, and parks items that run out of attempts as dead
 * letters. Every attempt's outcome is persisted (status, attempts, next attempt time)
 * and written to the record's timeline, so a restart resumes where it stopped.
 */
export class Dispatcher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<void>>();
  /** Due items waiting for a free slot, in the order they fell due. */
  private readonly ready = new Set<string>();
  private running = false;

  private readonly policy: RetryPolicy;
  private readonly clock: Clock;

  constructor(
    private readonly core: RuntimeCore,
    private readonly ports: DeliveryPorts,
    private readonly options: DispatcherOptions,
  ) {
    this.policy = options.policy;
    this.clock = options.clock;
  }

  /** Picks up every pending item (those left by a previous process too). */
  async start(): Promise<void> {
    this.running = true;
    // The queue holds every pending item's job, those of a previous process too.
    if (this.options.byJobs === true) return;
    let cursor: string | null = null;
    do {
      const page: Page<OutboxDoc> = await this.core.store.query(
        'outbox',
        { status: 'pending' },
        { limit: 1000, cursor },
      );
      for (const item of page.items) this.schedule(item);
      cursor = page.nextCursor;
    } while (cursor !== null && this.running);
  }

  /** Stops scheduling and waits for attempts under way. */
  async stop(): Promise<void> {
    this.running = false;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.ready.clear();
    await Promise.all(this.inFlight.values());
  }

  /** Commit observer: schedules every outbox item a durable batch left pending. */
  committed(ops: readonly WriteOp[]): void {
    if (this.options.byJobs === true) return;
    for (const op of ops)
      if (op.op === 'put' && op.collection === 'outbox' && op.value.status === 'pending')
        this.schedule(op.value);
  }

  /**
   * One attempt at an item now, if it is still pending (a job of the shared queue fell
   * due): resolves once its outcome is stored; throws when that could not be stored,
   * so the queue retries the job.
   */
  async deliver(id: string): Promise<void> {
    // A job done without an attempt would leave its item pending with no job at all:
    // while stopping, the job fails and the queue hands it on (another process, or later).
    if (!this.running) throw new DispatcherStoppedError(id);
    const under = this.inFlight.get(id);
    if (under !== undefined) return under;
    const run = this.run(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  private schedule(item: OutboxDoc): void {
    if (!this.running) return;
    const due = item.nextAttemptAt === undefined ? 0 : Date.parse(item.nextAttemptAt);
    const wait = Math.max(0, due - this.clock.now().getTime());
    clearTimeout(this.timers.get(item.id));
    const t = setTimeout(() => {
      this.timers.delete(item.id);
      this.ready.add(item.id);
      this.pump();
    }, wait);
    t.unref();
    this.timers.set(item.id, t);
  }

  /** Starts due attempts while slots are free. */
  private pump(): void {
    for (const id of this.ready) {
      if (!this.running || this.inFlight.size >= (this.options.concurrency ?? 8)) return;
      this.ready.delete(id);
      // Under way already: its own outcome reschedules it if it stays pending.
      if (this.inFlight.has(id)) continue;
      const run = this.run(id)
        .catch((e: unknown) => {
          // The outcome could not be stored: the item stays pending for the next start.
          this.options.log?.error(`delivery ${id}: ${e instanceof Error ? e.message : String(e)}`);
        })
        .finally(() => {
          this.inFlight.delete(id);
          this.pump();
        });
      this.inFlight.set(id, run);
    }
  }

  private async run(id: string): Promise<void> {
    const item = await this.core.store.get('outbox', id);
    if (item === undefined || item.status !== 'pending') return;
    if (!this.running) {
      if (this.options.byJobs === true) throw new DispatcherStoppedError(id);
      return; // The next start picks it up: it is still pending.
    }
    let result: DeliveryResult;
    try {
      result = await deliverItem(this.ports, item, this.policy.timeoutMs);
    } catch (e) {
      // An adapter that throws is a bug there; the item is kept for a retry anyway.
      const error = e instanceof Error ? e.message : String(e);
      result = { ok: false, retry: true, error, code: 'adapter_failed', params: { detail: error } };
    }
    const attempts = (item.attempts ?? 0) + 1;
    const max = item.maxAttempts ?? this.policy.maxAttempts;
    const delay =
      !result.ok && result.retry && attempts < max
        ? backoffDelay(attempts, this.policy, this.options.random)
        : undefined;
    await recordAttempt(this.core, item, result, attempts, max, delay);
  }
}
