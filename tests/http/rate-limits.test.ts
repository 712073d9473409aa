import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rateLimitsFromEnv } from '../../runtime/http/rate-limits.js';
import { outsideModel } from './delivery-models.js';
import { dealWithClient, publish } from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

describe('guessing hook tokens and walking lists are slowed down per address', () => {
  let h: Harness;
  let hookPath = '';
  beforeAll(async () => {
    h = await startServer(undefined, {
      rateLimits: { hookFailuresPerMinute: 3, bulkReadsPerMinute: 5 },
    });
    await publish(h, outsideModel());
    hookPath = (await h.call('GET', '/api/models/outside/hooks')).body[0].path;
  });
  afterAll(() => h.close());

  it('after 3 wrong hook tokens the 4th call is 429 with Retry-After; the right token is not counted', async () => {
    const id = await dealWithClient(h, 'Hooked');
    const fire = { entity: 'deal', recordId: id, payload: { amount: 150 } };
    // Calls with the right token do not use up the allowance.
    for (let i = 0; i < 4; i++) expect((await h.call('POST', hookPath, fire)).status).toBe(200);
    for (let i = 0; i < 3; i++)
      expect((await h.call('POST', '/api/hooks/guess' + i, fire)).status).toBe(401);
    const res = await fetch(`${h.url}/api/hooks/guess4`, {
      method: 'POST',
      // A hook's caller has no account: its token in the path is its credential.
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fire),
    });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.message).toContain('wrong hook token');
  });

  it('the 6th list read in a minute is 429; reading one record is not a bulk read', async () => {
    const statuses: number[] = [];
    for (const path of [
      '/api/records/deals',
      '/api/outbox',
      '/api/timers',
      '/api/documents',
      '/api/dead-letters',
      '/api/records/contacts',
    ])
      statuses.push((await h.call('GET', path)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const limited = await h.call('GET', '/api/records/deals');
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(limited.body.error.message).toContain('at most 5 a minute');
    const id = await dealWithClient(h, 'One');
    expect((await h.call('GET', `/api/records/deals/${id}`)).status).toBe(200);
    expect((await h.call('GET', '/api/models')).status).toBe(200);
    expect((await h.call('GET', '/api/health')).status).toBe(200);
  });

  it('the limits are read from the environment, and a bad value names the variable', () => {
    expect(
      rateLimitsFromEnv({
        RATE_LIMIT_HOOK_FAILURES: '7',
        RATE_LIMIT_BULK_READS: '0',
        RATE_LIMIT_SIGN_IN: '4',
      }),
    ).toEqual({
      hookFailuresPerMinute: 7,
      bulkReadsPerMinute: 0,
      signInFailuresPerMinute: 4,
    });
    expect(rateLimitsFromEnv({}).signInFailuresPerMinute).toBe(10);
    expect(() => rateLimitsFromEnv({ RATE_LIMIT_SIGN_IN: '-1' })).toThrow('RATE_LIMIT_SIGN_IN');
    expect(() => rateLimitsFromEnv({ RATE_LIMIT_BULK_READS: 'lots' })).toThrow(
      'RATE_LIMIT_BULK_READS',
    );
  });
});
