import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../runtime/delivery/http-client.js';
import { webhookMessageChannel } from '../../runtime/delivery/webhook-message-channel.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import { outsideModel } from './delivery-models.js';
import {
  dealWithClient,
  FAST_RETRY,
  publish,
  startReceiver,
  waitFor,
  type Receiver,
  LOOPBACK_ALLOWED,
} from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

describe('send_message through a webhook channel (MESSAGE_WEBHOOK_URL)', () => {
  let rx: Receiver;
  let h: Harness;
  beforeAll(async () => {
    rx = await startReceiver();
    h = await startServer(undefined, {
      delivery: {
        channels: {
          default: webhookMessageChannel(
            `${rx.url}/gateway`,
            createHttpClient({ allow: LOOPBACK_ALLOWED }),
          ),
        },
      },
      retryPolicy: FAST_RETRY,
    });
    await publish(h, outsideModel(rx.url));
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
    await rx.close();
  });

  it('POSTs the rendered message as JSON to the gateway and records its answer', async () => {
    const id = await dealWithClient(h, 'Order 7');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'notify' });
    const sent = await waitFor('the message', async () => {
      const item = (
        (await h.call('GET', `/api/outbox?recordId=${id}`)).body.items as OutboxDoc[]
      )[0];
      return item?.status === 'sent' ? item : undefined;
    });
    expect(sent.response).toEqual({ status: 202, excerpt: '{"queued":true}' });
    const call = rx.received.find((r) => r.path === '/gateway');
    expect(call?.headers['content-type']).toBe('application/json');
    expect(JSON.parse(call?.body ?? '{}')).toMatchObject({
      id: sent.id,
      recordId: id,
      channel: 'sms',
      to: '+79990001122',
      body: 'Order Order 7 is ready',
      idempotencyKey: sent.idempotencyKey,
    });
  });

  it('keeps email in the outbox when only a message channel is configured', async () => {
    const id = await dealWithClient(h, 'No mailer');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'paid' });
    const items: OutboxDoc[] = (await h.call('GET', `/api/records/deals/${id}/outbox`)).body.items;
    expect(items.map((i) => [i.kind, i.status])).toEqual([['send_email', 'kept']]);
  });
});
