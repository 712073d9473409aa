import { redactSecrets } from '../security/redact-secrets.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { OutboxDoc } from '../domain/outbox.js';
import type { DeliveryResult } from './delivery-ports.js';

/** An error's string parameters may quote a URL with its password, as its message may. */
function redactParams(params: Record<string, string | number>): Record<string, string | number> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === 'string' ? redactSecrets(v) : v]),
  );
}

function describe(item: OutboxDoc): string {
  if (item.kind === 'webhook')
    return `webhook ${item.method ?? 'POST'} ${redactSecrets(item.to ?? '')}`;
  if (item.kind === 'send_message')
    return `message via ${item.channel ?? 'default'} to ${item.to ?? ''}`;
  return `email to ${item.to ?? ''}`;
}

/**
 * Persists one attempt's outcome in one batch: the item's new state (sent, pending
 * with its next attempt time, or dead) and a `delivery` entry in the record's timeline.
 * `retryIn` is set when another attempt follows.
 */
export async function recordAttempt(
  core: RuntimeCore,
  item: OutboxDoc,
  attempt: DeliveryResult,
  attempts: number,
  maxAttempts: number,
  retryIn: number | undefined,
): Promise<void> {
  // An adapter's error or a receiver's answer may quote a URL with its password.
  const result: DeliveryResult = attempt.ok
    ? attempt
    : {
        ...attempt,
        error: redactSecrets(attempt.error),
        ...(attempt.params === undefined ? {} : { params: redactParams(attempt.params) }),
      };
  if (result.excerpt !== undefined) result.excerpt = redactSecrets(result.excerpt);
  await core.change(async (tx) => {
    const current = (await tx.get('outbox', item.id)) ?? item;
    const now = core.clock.now();
    const at = now.toISOString();
    const response =
      result.status === undefined && result.excerpt === undefined
        ? undefined
        : {
            ...(result.status === undefined ? {} : { status: result.status }),
            ...(result.excerpt === undefined ? {} : { excerpt: result.excerpt }),
          };
    // The previous attempt's answer and error go: they would describe this one wrongly.
    const {
      nextAttemptAt: _next,
      lastError: _last,
      lastErrorCode: _code,
      lastErrorParams: _params,
      response: _answer,
      ...rest
    } = current;
    const outcome = result.ok ? 'sent' : retryIn !== undefined ? 'retry' : 'dead';
    const next: OutboxDoc = {
      ...rest,
      attempts,
      status: outcome === 'retry' ? 'pending' : outcome,
      ...(result.ok
        ? { deliveredAt: at }
        : {
            lastError: result.error,
            ...(result.code === undefined ? {} : { lastErrorCode: result.code }),
            ...(result.params === undefined ? {} : { lastErrorParams: result.params }),
          }),
      ...(retryIn === undefined
        ? {}
        : { nextAttemptAt: new Date(now.getTime() + retryIn).toISOString() }),
      ...(response === undefined ? {} : { response }),
    };
    tx.put('outbox', item.id, next);
    const what = describe(item);
    const status = result.status === undefined ? '' : ` (${result.status})`;
    const message = result.ok
      ? `${what}: delivered${status} on attempt ${attempts}`
      : outcome === 'retry'
        ? `${what}: attempt ${attempts}/${maxAttempts} failed: ${result.error}; retry in ${retryIn ?? 0} ms`
        : `${what}: ${result.retry ? `gave up after ${attempts} attempts` : 'refused'}: ${result.error}; moved to dead letters`;
    const id = core.ids.next('tl');
    tx.put('timeline', id, {
      id,
      recordId: item.recordId,
      at,
      seq: 0,
      kind: 'delivery',
      ...(item.ruleId === undefined ? {} : { ruleId: item.ruleId }),
      outcome,
      message,
      data: {
        outboxId: item.id,
        idempotencyKey: item.idempotencyKey,
        attempt: attempts,
        ...(response === undefined ? {} : { response }),
        ...(result.ok ? {} : { error: result.error }),
      },
    });
  });
}
