import type { Logger } from '../engine/ports.js';
import { redactSecrets } from '../security/redact-secrets.js';
import type { DeliveryPorts } from './delivery-ports.js';
import { createHttpClient } from './http-client.js';
import { parseOutboundAllow } from './outbound-guard.js';
import { createSmtpMailer } from './smtp-mailer.js';
import { webhookMessageChannel } from './webhook-message-channel.js';

/**
 * The real adapters, from the environment: outgoing webhooks always go over HTTP
 * (special-use addresses refused unless `OUTBOUND_ALLOW` lists them);
 * email only with `SMTP_URL` (sender `SMTP_FROM`); messages only with
 * `MESSAGE_WEBHOOK_URL`. What has no adapter stays in the outbox (`kept`).
 *
 * @example await createApp({ store, delivery: deliveryFromEnv(process.env, log) })
 */
/** A URL from the environment with one of the allowed schemes, or a startup error saying which. */
function envUrl(name: string, value: string, schemes: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`${name} is not a URL: ${redactSecrets(value)}`);
  }
  if (!schemes.includes(url.protocol))
    throw new Error(`${name} must start with ${schemes.map((s) => `${s}//`).join(' or ')}`);
  return url;
}

export function deliveryFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  log: Logger,
): DeliveryPorts {
  const http = createHttpClient({ allow: parseOutboundAllow(env.OUTBOUND_ALLOW) });
  const ports: { -readonly [K in keyof DeliveryPorts]: DeliveryPorts[K] } = { http };
  const smtp = env.SMTP_URL;
  if (smtp !== undefined && smtp !== '') {
    const url = envUrl('SMTP_URL', smtp, ['smtp:', 'smtps:']);
    ports.mailer = createSmtpMailer(smtp, env.SMTP_FROM ?? 'conveyor@localhost');
    log.info(`email: SMTP ${url.host}`);
  } else log.info('email: no SMTP_URL, emails are kept in the outbox');
  const gateway = env.MESSAGE_WEBHOOK_URL;
  if (gateway !== undefined && gateway !== '') {
    const url = envUrl('MESSAGE_WEBHOOK_URL', gateway, ['http:', 'https:']);
    ports.channels = { default: webhookMessageChannel(gateway, http) };
    log.info(`messages: webhook ${url.host}`);
  } else log.info('messages: no MESSAGE_WEBHOOK_URL, messages are kept in the outbox');
  return ports;
}
