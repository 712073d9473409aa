/** A bad `RECYCLE_BIN_RETENTION_DAYS`: the server refuses to start with this one line. */
export class RecycleBinRetentionSettingError extends Error {
  constructor(raw: string) {
    super(`RECYCLE_BIN_RETENTION_DAYS must be a whole number of days (0 or more), not "${raw}"`);
    this.name = 'RecycleBinRetentionSettingError';
  }
}

/**
 * Days a deleted record stays in the recycle bin (`RECYCLE_BIN_RETENTION_DAYS`);
 * undefined: the default (30).
 *
 * @example recycleBinRetentionFromEnv({ RECYCLE_BIN_RETENTION_DAYS: '90' }) // 90
 */
export function recycleBinRetentionFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): number | undefined {
  const raw = env.RECYCLE_BIN_RETENTION_DAYS;
  if (raw === undefined || raw.trim() === '') return undefined;
  if (!/^\d{1,5}$/.test(raw.trim())) throw new RecycleBinRetentionSettingError(raw);
  return Number(raw.trim());
}
