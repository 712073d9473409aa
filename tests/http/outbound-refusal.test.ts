import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../runtime/delivery/http-client.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import type { TimelineEntry } from '../../runtime/domain/timeline.js';
import { outsideModel } from './delivery-models.js';
import { dealWithClient, FAST_RETRY, waitFor } from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

describe('a webhook to an address inside the network is refused, recorded and not retried', () => {
  let h: Harness;
  const asked: string[] = [];
  beforeAll(async () => {
    h = await startServer(undefined, {
      delivery: {
        // Names resolve from this table only: no real DNS query, and no packet leaves.
        http: createHttpClient({
          resolve: async (name) => {
            asked.push(name);
            return [{ address: '10.0.0.7', family: 4 } satisfies LookupAddress];
          },
        }),
      },
      retryPolicy: FAST_RETRY,
    });
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
  });

  it.each([
    ['http://169.254.169.254/latest/meta-data', 'linkLocal address 169.254.169.254'],
    ['http://2130706433', 'loopback address 127.0.0.1'],
    ['http://crm-internal.test', 'private address 10.0.0.7'],
  ])(
    '%s: published (a literal address with a PRIVATE_URL warning), delivered as a refusal',
    async (base, why) => {
      asked.length = 0;
      let saved = await h.call('POST', '/api/models', outsideModel(base));
      if (saved.status === 409)
        saved = await h.call('PUT', '/api/models/outside', outsideModel(base));
      expect(saved.status).toBeLessThan(300);
      const warnings = (saved.body.diagnostics as { code: string; path: string }[]).filter(
        (d) => d.code === 'PRIVATE_URL',
      );
      // The analyzer sees literal addresses; a name is only judged once resolved.
      expect(warnings.length > 0).toBe(!base.includes('.test'));
      const published = await h.call('POST', '/api/models/outside/publish', {});
      expect(published.status).toBe(201);
      const id = await dealWithClient(h, `To ${base}`);
      await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'sync_bad' });
      const item = await waitFor('a dead webhook', async () => {
        const items: OutboxDoc[] = (await h.call('GET', `/api/outbox?recordId=${id}&kind=webhook`))
          .body.items;
        return items[0]?.status === 'dead' ? items[0] : undefined;
      });
      expect(item.attempts).toBe(1);
      expect(item.lastError).toContain('refused');
      expect(item.lastError).toContain(why);
      const timeline: TimelineEntry[] = (await h.call('GET', `/api/records/deals/${id}/timeline`))
        .body.items;
      const delivery = timeline.filter((e) => e.kind === 'delivery');
      expect(delivery).toHaveLength(1);
      expect(delivery[0]!.message).toContain('refused');
      // Literal addresses never reach the resolver; a name is resolved once, then refused.
      expect(asked).toEqual(base.includes('.test') ? ['crm-internal.test'] : []);
    },
  );
});
