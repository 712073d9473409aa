import type { OutboxPort } from '../engine/ports.js';
import { canDeliver } from './deliver-item.js';
import type { DeliveryPorts } from './delivery-ports.js';

/**
 * The engine's outbox when adapters exist: an item that has one is stored `pending`
 * (the dispatcher sends it once the batch is durable), any other is `kept`.
 *
 * @example new Engine({ clock, ids, outbox: deliveryOutbox({ http: createHttpClient() }) })
 */
export function deliveryOutbox(ports: DeliveryPorts): OutboxPort {
  return {
    async deliver(tx, item) {
      const status = item.status ?? (canDeliver(ports, item) ? 'pending' : 'kept');
      tx.put('outbox', item.id, { ...item, status, attempts: item.attempts ?? 0 });
    },
  };
}
