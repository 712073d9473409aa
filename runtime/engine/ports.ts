import type { OutboxDoc } from '../domain/outbox.js';
import type { Tx } from './tx.js';

/** Time, injected so tests and timers can move it. */
export interface Clock {
  now(): Date;
}

/** Ids for records, events and log entries. */
export interface IdGenerator {
  next(prefix: string): string;
}

/**
 * Where outgoing messages go (email, channels, documents, webhooks). The default
 * appends to the record's outbox as `kept`; `runtime/delivery/delivery-outbox.ts`
 * stores them `pending` for the dispatcher when an adapter exists. Sending itself
 * never happens here: it waits until the run's batch is durable.
 */
export interface OutboxPort {
  deliver(tx: Tx, item: OutboxDoc): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  error(message: string): void;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * Chance, injected like time: random assignment draws from it, so a simulation run
 * with a seed picks the same users every time.
 */
export interface RandomSource {
  /** A number in [0, 1). */
  next(): number;
}

export const systemRandom: RandomSource = { next: () => Math.random() };

/**
 * A seeded source (mulberry32: small, fast, well spread for picking among a few
 * users; not for secrets). The same seed gives the same sequence.
 *
 * @example seededRandom(42).next() // the same number on every run
 */
export function seededRandom(seed: number): RandomSource {
  let state = seed | 0;
  return {
    next() {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
  };
}

/** Sortable, unique ids: time, then a counter, then randomness (`deal_lx2k9a_0001_3f`). */
export function createIdGenerator(): IdGenerator {
  let counter = 0;
  return {
    next(prefix) {
      counter = (counter + 1) % 1_679_616;
      const rand = Math.floor(Math.random() * 1296)
        .toString(36)
        .padStart(2, '0');
      return `${prefix}_${Date.now().toString(36)}${counter.toString(36).padStart(4, '0')}${rand}`;
    },
  };
}

/** Appends each outgoing item to the outbox collection, `kept` (no network). */
export const outboxToStore: OutboxPort = {
  async deliver(tx, item) {
    tx.put('outbox', item.id, { ...item, status: item.status ?? 'kept' });
  },
};
