import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryFromEnv } from '../../runtime/delivery/delivery-from-env.js';
import type { Logger } from '../../runtime/engine/ports.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import { outsideModel } from './delivery-models.js';
import {
  dealWithClient,
  FAST_RETRY,
  publish,
  startReceiver,
  waitFor,
  type Receiver,
} from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

const GATEWAY_PASSWORD = 's3cret-gateway';
const HOOK_TOKEN = 't0ken-hook';
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

/** A loopback port with nothing listening (bound, then released). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const addr = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return typeof addr === 'object' && addr !== null ? addr.port : 9;
}

/** Everything the API tells about a record, plus every log line, as one text. */
async function everythingSaid(h: Harness, id: string, logs: string[]): Promise<string> {
  const parts = await Promise.all(
    ['outbox', 'timeline'].map((w) => h.call('GET', `/api/records/deals/${id}/${w}`)),
  );
  const all = await h.call('GET', '/api/outbox');
  const dead = await h.call('GET', '/api/dead-letters');
  return JSON.stringify([parts.map((p) => p.body), all.body, dead.body, logs]);
}

function capture(): { log: Logger; lines: string[] } {
  const lines: string[] = [];
  return { lines, log: { info: (m) => lines.push(m), error: (m) => lines.push(m) } };
}

describe('a message gateway and webhooks with user:password@ in their URL', () => {
  let rx: Receiver;
  let h: Harness;
  const { log, lines } = capture();
  beforeAll(async () => {
    rx = await startReceiver();
    const port = rx.url.split(':').pop() ?? '';
    h = await startServer(undefined, {
      log,
      delivery: deliveryFromEnv(
        {
          MESSAGE_WEBHOOK_URL: `http://gw:${GATEWAY_PASSWORD}@127.0.0.1:${port}/gateway`,
          // The loopback receiver stands in for the gateway: allowed as an operator would.
          OUTBOUND_ALLOW: '127.0.0.1',
        },
        log,
      ),
      retryPolicy: FAST_RETRY,
    });
    await publish(h, outsideModel(`http://hook:${HOOK_TOKEN}@127.0.0.1:${port}`));
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
    await rx.close();
  });

  it('sends the message with an Authorization: Basic header to the URL without credentials', async () => {
    const id = await dealWithClient(h, 'Basic auth');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'notify' });
    const sent = await waitFor('the message', async () => {
      const item = (
        (await h.call('GET', `/api/outbox?recordId=${id}`)).body.items as OutboxDoc[]
      )[0];
      return item?.status === 'sent' || item?.status === 'dead' ? item : undefined;
    });
    expect(sent.status).toBe('sent');
    const call = rx.received.find((r) => r.path === '/gateway');
    expect(call?.headers.authorization).toBe(basic('gw', GATEWAY_PASSWORD));
    expect(await everythingSaid(h, id, lines)).not.toContain(GATEWAY_PASSWORD);
  });

  it('calls a webhook with its URL credentials as a header and names the URL without them', async () => {
    const id = await dealWithClient(h, 'Hook auth');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_bad' });
    const dead = await waitFor('the refused webhook', async () => {
      const item = (
        (await h.call('GET', `/api/outbox?recordId=${id}`)).body.items as OutboxDoc[]
      )[0];
      return item?.status === 'dead' ? item : undefined;
    });
    expect(rx.received.find((r) => r.path === '/bad')?.headers.authorization).toBe(
      basic('hook', HOOK_TOKEN),
    );
    expect(dead.to).toMatch(/^http:\/\/\*\*\*@127\.0\.0\.1:\d+\/bad$/);
    const said = await everythingSaid(h, id, lines);
    expect(said).toContain('webhook POST http://***@127.0.0.1');
    expect(said).not.toContain(HOOK_TOKEN);
  });
});

describe('an unreachable gateway with user:password@ in its URL', () => {
  let h: Harness;
  const { log, lines } = capture();
  beforeAll(async () => {
    const port = await closedPort();
    h = await startServer(undefined, {
      log,
      delivery: deliveryFromEnv(
        {
          MESSAGE_WEBHOOK_URL: `http://gw:${GATEWAY_PASSWORD}@127.0.0.1:${port}/send`,
          OUTBOUND_ALLOW: '127.0.0.1',
        },
        log,
      ),
      retryPolicy: FAST_RETRY,
    });
    await publish(h, outsideModel());
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
  });

  it('records each failed attempt and the dead letter without the password', async () => {
    const id = await dealWithClient(h, 'Unreachable');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'notify' });
    const dead = await waitFor('the dead letter', async () => {
      const item = (
        (await h.call('GET', `/api/outbox?recordId=${id}`)).body.items as OutboxDoc[]
      )[0];
      return item?.status === 'dead' ? item : undefined;
    });
    expect(dead.attempts).toBe(FAST_RETRY.maxAttempts);
    expect(dead.lastError).toMatch(/network error/);
    const said = await everythingSaid(h, id, lines);
    expect(said).toContain('network error');
    expect(said).not.toContain(GATEWAY_PASSWORD);
  });
});
