import type { OutboxDoc } from '../domain/outbox.js';
import type { DeliveryPorts, DeliveryResult, MessageChannel } from './delivery-ports.js';

function channelFor(ports: DeliveryPorts, item: OutboxDoc): MessageChannel | undefined {
  const channels = ports.channels ?? {};
  return (item.channel === undefined ? undefined : channels[item.channel]) ?? channels.default;
}

/** Whether an adapter exists for an item; without one it is only kept in the outbox. */
export function canDeliver(ports: DeliveryPorts, item: OutboxDoc): boolean {
  switch (item.kind) {
    case 'send_email':
      return ports.mailer !== undefined;
    case 'send_message':
      return channelFor(ports, item) !== undefined;
    case 'webhook':
      return ports.http !== undefined;
    case 'generate_document':
      return false;
  }
}

/** One attempt at delivering an outbox item through its port. */
export async function deliverItem(
  ports: DeliveryPorts,
  item: OutboxDoc,
  defaultTimeoutMs: number,
): Promise<DeliveryResult> {
  const missing: DeliveryResult = {
    ok: false,
    retry: false,
    error: `no adapter for ${item.kind}`,
    code: 'no_adapter',
    params: { kind: item.kind },
  };
  switch (item.kind) {
    case 'send_email':
      return (
        (await ports.mailer?.send({
          to: item.to ?? '',
          subject: item.subject ?? '',
          body: item.body,
          idempotencyKey: item.idempotencyKey,
        })) ?? missing
      );
    case 'send_message':
      return (
        (await channelFor(ports, item)?.send({
          id: item.id,
          recordId: item.recordId,
          channel: item.channel ?? 'default',
          to: item.to ?? '',
          ...(item.subject === undefined ? {} : { subject: item.subject }),
          body: item.body,
          idempotencyKey: item.idempotencyKey,
        })) ?? missing
      );
    case 'webhook': {
      const method = item.method ?? 'POST';
      return (
        (await ports.http?.request({
          url: item.to ?? '',
          method,
          headers: {
            'content-type': 'application/json',
            'idempotency-key': item.idempotencyKey,
            ...(item.headers ?? {}),
          },
          ...(method === 'GET' ? {} : { body: item.body }),
          timeoutMs: item.timeoutMs ?? defaultTimeoutMs,
        })) ?? missing
      );
    }
    case 'generate_document':
      return missing;
  }
}
