import { canDeliver } from '../delivery/deliver-item.js';
import type { DeliveryPorts } from '../delivery/delivery-ports.js';
import { redactOutboxItem } from '../delivery/redact-outbox-item.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { DeliveryStatus, OutboxDoc } from '../domain/outbox.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { Who } from '../domain/who.js';
import type { RuntimeCore } from './runtime-core.js';
import { withOrigins, type OutboxOrigin } from './outbox-origins.js';

type OutboxView = OutboxDoc & OutboxOrigin;

export interface OutboxFilter {
  status?: DeliveryStatus;
  kind?: OutboxDoc['kind'];
  recordId?: string;
}

/** The outbox across records, the dead-letter list and replays. */
export class DeliveryService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly ports: DeliveryPorts,
  ) {}

  /** A page of outbox items (secrets redacted, with who produced them), oldest first. */
  async outbox(filter: OutboxFilter, page: PageRequest): Promise<Page<OutboxView>> {
    const found = await this.core.store.query('outbox', filter, page);
    const items = await withOrigins(this.core, found.items.map(redactOutboxItem));
    return { items, nextCursor: found.nextCursor };
  }

  deadLetters(page: PageRequest): Promise<Page<OutboxView>> {
    return this.outbox({ status: 'dead' }, page);
  }

  /**
   * Drops a dead letter for good (the item is deleted; the record's timeline and the
   * audit log say who dropped it). Only a dead letter: 409 otherwise.
   */
  async drop(id: string, who?: Who): Promise<OutboxView> {
    const dropped = await this.core.changeAs(who, async (tx) => {
      const item = await tx.get('outbox', id);
      if (item === undefined) throw notFound(`outbox item ${id}`);
      if (item.status !== 'dead')
        throw new HttpError(
          409,
          'NOT_DEAD',
          `outbox item ${id} is ${item.status ?? 'kept'}; only dead letters are dropped`,
        );
      tx.delete('outbox', id);
      const tl = this.core.ids.next('tl');
      tx.put('timeline', tl, {
        id: tl,
        recordId: item.recordId,
        at: this.core.clock.now().toISOString(),
        seq: 0,
        kind: 'delivery',
        ...(item.ruleId === undefined ? {} : { ruleId: item.ruleId }),
        outcome: 'dropped',
        message: `${item.kind} ${id}: dropped from dead letters`,
        data: { outboxId: id, idempotencyKey: item.idempotencyKey },
      });
      this.core.audit(tx, {
        kind: 'delivery.dropped',
        recordId: item.recordId,
        target: id,
        detail: `${item.kind} dead letter dropped`,
        detailCode: 'dead_letter_dropped',
        detailParams: { kind: item.kind },
      });
      return redactOutboxItem(item);
    });
    return (await withOrigins(this.core, [dropped]))[0] ?? dropped;
  }

  /**
   * Gives a dead letter a fresh set of attempts (same idempotency key, so a receiver
   * that did get it can tell). Without an adapter now, it is kept instead.
   */
  async replay(id: string, who?: Who): Promise<OutboxView> {
    const replayed = await this.core.changeAs(who, async (tx) => {
      const item = await tx.get('outbox', id);
      if (item === undefined) throw notFound(`outbox item ${id}`);
      if (item.status !== 'dead')
        throw new HttpError(
          409,
          'NOT_DEAD',
          `outbox item ${id} is ${item.status ?? 'kept'}; only dead letters are replayed`,
        );
      const now = this.core.clock.now().toISOString();
      const { nextAttemptAt: _next, ...rest } = item;
      const next: OutboxDoc = {
        ...rest,
        status: canDeliver(this.ports, item) ? 'pending' : 'kept',
        attempts: 0,
      };
      tx.put('outbox', id, next);
      const tl = this.core.ids.next('tl');
      tx.put('timeline', tl, {
        id: tl,
        recordId: item.recordId,
        at: now,
        seq: 0,
        kind: 'delivery',
        ...(item.ruleId === undefined ? {} : { ruleId: item.ruleId }),
        outcome: 'replayed',
        message: `${item.kind} ${id}: replayed from dead letters (${next.status})`,
        data: { outboxId: id, idempotencyKey: item.idempotencyKey },
        ...(who === undefined ? {} : { actor: who.actor }),
      });
      this.core.audit(tx, {
        kind: 'outbox.replayed',
        recordId: item.recordId,
        target: id,
        detail: `${item.kind} (${next.status})`,
        detailCode: 'replayed',
        detailParams: { kind: item.kind, status: next.status ?? '' },
      });
      return redactOutboxItem(next);
    });
    return (await withOrigins(this.core, [replayed]))[0] ?? replayed;
  }
}
