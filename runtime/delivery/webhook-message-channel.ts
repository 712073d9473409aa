import type { HttpClient, MessageChannel, OutgoingMessage } from './delivery-ports.js';

/**
 * A channel that POSTs each message as JSON to a gateway (SMS, messenger...), e.g.
 * `MESSAGE_WEBHOOK_URL`. The gateway sees the idempotency key as a header too.
 *
 * @example const sms = webhookMessageChannel('http://gateway.local/send', createHttpClient());
 */
export function webhookMessageChannel(
  url: string,
  http: HttpClient,
  timeoutMs = 10_000,
): MessageChannel {
  return {
    send(message: OutgoingMessage) {
      return http.request({
        url,
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.idempotencyKey,
        },
        body: JSON.stringify(message),
        timeoutMs,
      });
    },
  };
}
