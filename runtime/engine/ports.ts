import type { OutboxDoc } from '../store/store-types.js';
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
