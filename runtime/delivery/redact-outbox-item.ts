import { REDACTED, redactSecrets } from '../security/redact-secrets.js';
import type { OutboxDoc } from '../domain/outbox.js';

/** Header names whose values are credentials, whatever the URL says. */
const SECRET_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'x-api-key']);

/**
 * An outbox item as the API shows it: the stored item keeps the webhook URL and
 * headers it must send with, the answer names neither password nor token. Items
 * stored before redaction existed are cleaned the same way (`lastError`, excerpt).
 *
 * @example redactOutboxItem({ ...item, to: 'https://u:p@h/x' }).to // 'https://***@h/x'
 */
export function redactOutboxItem(item: OutboxDoc): OutboxDoc {
  const out: OutboxDoc = { ...item };
  if (out.to !== undefined) out.to = redactSecrets(out.to);
  if (out.lastError !== undefined) out.lastError = redactSecrets(out.lastError);
  if (out.lastErrorParams !== undefined)
    out.lastErrorParams = Object.fromEntries(
      Object.entries(out.lastErrorParams).map(([k, v]) => [
        k,
        typeof v === 'string' ? redactSecrets(v) : v,
      ]),
    );
  if (out.response?.excerpt !== undefined)
    out.response = { ...out.response, excerpt: redactSecrets(out.response.excerpt) };
  if (out.headers !== undefined)
    out.headers = Object.fromEntries(
      Object.entries(out.headers).map(([k, v]) => [
        k,
        SECRET_HEADERS.has(k.toLowerCase()) ? REDACTED : redactSecrets(v),
      ]),
    );
  return out;
}
