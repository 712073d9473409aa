import { describe, expect, it } from 'vitest';
import { canDeliver } from '../../../runtime/delivery/deliver-item.js';
import type { DeliveryPorts } from '../../../runtime/delivery/delivery-ports.js';
import { backoffDelay, DEFAULT_RETRY_POLICY } from '../../../runtime/delivery/retry-policy.js';
import type { OutboxDoc } from '../../../runtime/domain/outbox.js';

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1_000, jitter: 0.5 };

  it('doubles per attempt without jitter and stops at the ceiling', () => {
    const none = () => 0;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, policy, none))).toEqual([
      100, 200, 400, 800, 1000, 1000,
    ]);
  });

  it('adds at most the jitter share on top', () => {
    expect(backoffDelay(2, policy, () => 0.999)).toBe(300);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(250);
  });
});

describe('canDeliver', () => {
  const item = (kind: OutboxDoc['kind'], channel?: string): OutboxDoc => ({
    id: 'o1',
    recordId: 'r1',
    kind,
    body: '',
    createdAt: '2026-01-01T00:00:00Z',
    idempotencyKey: 'k',
    ...(channel === undefined ? {} : { channel }),
  });
  const send = async () => ({ ok: true as const });

  it('needs the adapter of the item kind; documents are never delivered', () => {
    const none: DeliveryPorts = {};
    expect(canDeliver(none, item('send_email'))).toBe(false);
    expect(canDeliver(none, item('webhook'))).toBe(false);
    const all: DeliveryPorts = {
      mailer: { send },
      http: { request: send },
      channels: { sms: { send } },
    };
    expect(canDeliver(all, item('send_email'))).toBe(true);
    expect(canDeliver(all, item('webhook'))).toBe(true);
    expect(canDeliver(all, item('generate_document'))).toBe(false);
  });

  it('routes a message to its channel, else to `default`', () => {
    const sms: DeliveryPorts = { channels: { sms: { send } } };
    expect(canDeliver(sms, item('send_message', 'sms'))).toBe(true);
    expect(canDeliver(sms, item('send_message', 'telegram'))).toBe(false);
    expect(canDeliver(sms, item('send_message'))).toBe(false);
    const fallback: DeliveryPorts = { channels: { default: { send } } };
    expect(canDeliver(fallback, item('send_message', 'telegram'))).toBe(true);
  });
});
