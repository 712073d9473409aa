import { describe, expect, it } from 'vitest';
import {
  EMBEDDED_RECORD_LIMIT,
  EMBEDDED_TIMELINE_LIMIT,
  storeSize,
} from '../../runtime/store/store-size.js';
import {
  timelineRetentionFromEnv,
  TimelineRetentionSettingError,
} from '../../runtime/store/timeline/retention-from-env.js';
import { startServer } from './server-harness.js';

describe('the embedded store says when it holds more than it is made for', () => {
  it('/api/health shows the store size, without a warning while it is small', async () => {
    const h = await startServer();
    try {
      await h.call('POST', '/api/records/deals', { fields: { title: 'One' } });
      const res = await h.call('GET', '/api/health');
      expect(res.status).toBe(200);
      expect(res.body.status).toBe('ok');
      expect(res.body.details.store.records).toBe(1);
      expect(res.body.details.store.timelineEntries).toBeGreaterThan(0);
      expect(res.body.details.store.warning).toBeUndefined();
    } finally {
      await h.close();
    }
  });

  it('warns past the documented size, pointing to PostgreSQL', () => {
    expect(storeSize(EMBEDDED_RECORD_LIMIT, EMBEDDED_TIMELINE_LIMIT).warning).toBeUndefined();
    expect(storeSize(EMBEDDED_RECORD_LIMIT + 1, 0).warning).toMatch(
      /101,000|100,001 records .*Use PostgreSQL: set DATABASE_URL/,
    );
    expect(storeSize(0, EMBEDDED_TIMELINE_LIMIT + 1).warning).toMatch(
      /timeline entries .*TIMELINE_RETENTION_DAYS.*DATABASE_URL/,
    );
  });

  it('reads TIMELINE_RETENTION_DAYS, refusing what is not a number of days', () => {
    expect(timelineRetentionFromEnv({})).toBeUndefined();
    expect(timelineRetentionFromEnv({ TIMELINE_RETENTION_DAYS: ' 365 ' })).toBe(365);
    for (const bad of ['0', '-1', '1.5', 'year'])
      expect(() => timelineRetentionFromEnv({ TIMELINE_RETENTION_DAYS: bad })).toThrow(
        TimelineRetentionSettingError,
      );
  });
});
