import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  RecycleBinRetentionSettingError,
  recycleBinRetentionFromEnv,
} from '../../../runtime/services/recycle-bin-from-env.js';
import type { RecycleBinService } from '../../../runtime/services/recycle-bin-service.js';
import { startRetentionSweep } from '../../../runtime/services/retention-sweep.js';

describe('recycle bin retention settings and sweep', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads RECYCLE_BIN_RETENTION_DAYS, refusing anything but whole days', () => {
    expect(recycleBinRetentionFromEnv({})).toBeUndefined();
    expect(recycleBinRetentionFromEnv({ RECYCLE_BIN_RETENTION_DAYS: ' 90 ' })).toBe(90);
    expect(recycleBinRetentionFromEnv({ RECYCLE_BIN_RETENTION_DAYS: '0' })).toBe(0);
    for (const bad of ['-1', '1.5', 'ten', '1e3', '999999'])
      expect(() => recycleBinRetentionFromEnv({ RECYCLE_BIN_RETENTION_DAYS: bad })).toThrow(
        RecycleBinRetentionSettingError,
      );
  });

  it('purges periodically and logs a failed sweep instead of stopping', async () => {
    vi.useFakeTimers();
    const purgeExpired = vi
      .fn<() => Promise<number>>()
      .mockResolvedValueOnce(1)
      .mockRejectedValueOnce(new Error('disk full'))
      .mockResolvedValue(0);
    const lines: string[] = [];
    const sweep = startRetentionSweep(
      { purgeExpired } as unknown as RecycleBinService,
      (l) => lines.push(l),
      1000,
    );
    await vi.advanceTimersByTimeAsync(3500);
    expect(purgeExpired).toHaveBeenCalledTimes(3);
    expect(lines).toEqual(['recycle bin retention: disk full']);
    await sweep.stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(purgeExpired).toHaveBeenCalledTimes(3);
  });
});
