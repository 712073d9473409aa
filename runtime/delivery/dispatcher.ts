import type { Clock } from '../engine/ports.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { OutboxDoc, WriteOp } from '../store/store-types.js';
import { deliverItem } from './deliver-item.js';
import type { DeliveryPorts, DeliveryResult } from './delivery-ports.js';
import { backoffDelay, type RetryPolicy } from './retry-policy.js';
import { recordAttempt } from './record-attempt.js';

/**
 * Delivers pending outbox items after the batch that created them is durable, retries
 * transient failures with backoff, and parks items that run out of attempts as dead
 * letters. Every attempt's outcome is persisted (status, attempts, next attempt time)
 * and written to the record's timeline, so a restart resumes where it stopped.
 */
export class Dispatcher {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private running = false;

  constructor(
    private readonly core: RuntimeCore,
    private readonly ports: DeliveryPorts,
    private readonly policy: RetryPolicy,
    private readonly clock: Clock,
    private readonly random: () => number = Math.random,
  ) {}

  /** Picks up every pending item (those left by a previous process too). */
  async start(): Promise<void> {
    this.running = true;
    for (const item of await this.core.store.list('outbox'))
      if (item.status === 'pending') this.schedule(item);
  }

  /** Stops scheduling and waits for attempts under way. */
  async stop(): Promise<void> {
    this.running = false;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    await Promise.all(this.inFlight.values());
  }

  /** Commit observer: schedules every outbox item a durable batch left pending. */
  committed(ops: readonly WriteOp[]): void {
    for (const op of ops)
      if (op.op === 'put' && op.collection === 'outbox' && op.value.status === 'pending')
        this.schedule(op.value);
  }

  private schedule(item: OutboxDoc): void {
    if (!this.running) return;
    const due = item.nextAttemptAt === undefined ? 0 : Date.parse(item.nextAttemptAt);
    const wait = Math.max(0, due - this.clock.now().getTime());
    clearTimeout(this.timers.get(item.id));
    const t = setTimeout(() => {
      this.timers.delete(item.id);
      void this.attempt(item.id);
    }, wait);
    t.unref();
    this.timers.set(item.id, t);
  }

  private async attempt(id: string): Promise<void> {
    const busy = this.inFlight.get(id);
    if (busy !== undefined) {
      await busy;
      return this.attempt(id);
    }
    const run = this.run(id).finally(() => this.inFlight.delete(id));
    this.inFlight.set(id, run);
    return run;
  }

  private async run(id: string): Promise<void> {
    const item = await this.core.store.get('outbox', id);
    if (item === undefined || item.status !== 'pending' || !this.running) return;
    let result: DeliveryResult;
    try {
      result = await deliverItem(this.ports, item, this.policy.timeoutMs);
    } catch (e) {
      // An adapter that throws is a bug there; the item is kept for a retry anyway.
      result = { ok: false, retry: true, error: e instanceof Error ? e.message : String(e) };
    }
    const attempts = (item.attempts ?? 0) + 1;
    const max = item.maxAttempts ?? this.policy.maxAttempts;
    const delay =
      !result.ok && result.retry && attempts < max
        ? backoffDelay(attempts, this.policy, this.random)
        : undefined;
    await recordAttempt(this.core, item, result, attempts, max, delay);
  }
}
