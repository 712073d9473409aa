/** A bad `TIMELINE_RETENTION_DAYS`: the server refuses to start with this one line. */
export class TimelineRetentionSettingError extends Error {
  constructor(raw: string) {
    super(
      `TIMELINE_RETENTION_DAYS must be a whole number of days (at least 1), or empty to keep the timeline, not "${raw}"`,
    );
    this.name = 'TimelineRetentionSettingError';
  }
}

/**
 * Days of timeline to keep (`TIMELINE_RETENTION_DAYS`); undefined keeps everything.
 *
 * @example
 * timelineRetentionFromEnv({ TIMELINE_RETENTION_DAYS: '365' }) // 365
 */
export function timelineRetentionFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const raw = env.TIMELINE_RETENTION_DAYS;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d+$/.test(raw.trim()) || Number(raw.trim()) < 1)
    throw new TimelineRetentionSettingError(raw);
  return Number(raw.trim());
}
