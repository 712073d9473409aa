import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../runtime/delivery/http-client.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import { outsideModel } from './delivery-models.js';
import {
  dealWithClient,
  FAST_RETRY,
  publish,
  startReceiver,
  waitFor,
  LOOPBACK_ALLOWED,
} from './delivery-support.js';
import { startServer } from './server-harness.js';

describe('pending deliveries survive a restart', () => {
  it('persists the next attempt time and resumes the retries in a new process', async () => {
    const rx = await startReceiver();
    const slow = { ...FAST_RETRY, baseDelayMs: 60 * 60_000, maxDelayMs: 60 * 60_000, jitter: 0 };
    const a = await startServer(undefined, {
      delivery: { http: createHttpClient({ allow: LOOPBACK_ALLOWED }) },
      retryPolicy: slow,
    });
    await publish(a, outsideModel(rx.url));
    const id = await dealWithClient(a, 'Restart');
    await a.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_flaky' });
    const waiting = await waitFor('the first failure', async () => {
      const item = (await a.call('GET', `/api/outbox?recordId=${id}`)).body.items[0] as OutboxDoc;
      return item?.attempts === 1 ? item : undefined;
    });
    expect(waiting.status).toBe('pending');
    expect(
      Date.parse(waiting.nextAttemptAt ?? '') - Date.parse(waiting.createdAt),
    ).toBeGreaterThanOrEqual(60 * 60_000);
    await a.conveyor.dispatcher.stop();
    await a.close();

    // An hour later, a new process on the same DATA_DIR picks the item up.
    const later = { now: () => new Date(Date.now() + 61 * 60_000) };
    const b = await startServer(a.dataDir, {
      delivery: { http: createHttpClient({ allow: LOOPBACK_ALLOWED }) },
      retryPolicy: FAST_RETRY,
      clock: later,
    });
    try {
      const sent = await waitFor('the resumed delivery', async () => {
        const item = (await b.call('GET', `/api/outbox?recordId=${id}`)).body.items[0] as OutboxDoc;
        return item?.status === 'sent' ? item : undefined;
      });
      expect(sent.attempts).toBe(3);
      expect(rx.received.filter((r) => r.path === '/flaky')).toHaveLength(3);
    } finally {
      await b.conveyor.dispatcher.stop();
      await b.close();
      await rx.close();
    }
  });
});
