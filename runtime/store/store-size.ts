/**
 * Where the embedded store stops meeting its goals (16 clients: 1,000 moves/s, move p99
 * under 100 ms, a filtered page under 50 ms, restart under 3 s), measured by
 * `npm run bench -- store` (docs/benchmarks.md). Past it the server still runs, and
 * says so at start and in `/api/health`.
 */
export const EMBEDDED_RECORD_LIMIT = 100_000;
/** Timeline entries kept in the index (about 11 per record in the bench). */
export const EMBEDDED_TIMELINE_LIMIT = 2_000_000;

/** What the embedded store holds, as `/api/health` shows it. */
export interface StoreSize {
  records: number;
  timelineEntries: number;
  /** Set past the documented size: what to do about it. */
  warning?: string;
}

/**
 * The size report, with a warning past the documented limits.
 *
 * @example
 * storeSize(150_000, 10) // { records: 150000, timelineEntries: 10, warning: 'DATA_DIR holds 150,000 records ...' }
 */
export function storeSize(records: number, timelineEntries: number): StoreSize {
  const over: string[] = [];
  if (records > EMBEDDED_RECORD_LIMIT)
    over.push(
      `${records.toLocaleString('en')} records (tested up to ${EMBEDDED_RECORD_LIMIT.toLocaleString('en')})`,
    );
  if (timelineEntries > EMBEDDED_TIMELINE_LIMIT)
    over.push(
      `${timelineEntries.toLocaleString('en')} timeline entries (tested up to ${EMBEDDED_TIMELINE_LIMIT.toLocaleString('en')}; TIMELINE_RETENTION_DAYS drops old ones)`,
    );
  if (over.length === 0) return { records, timelineEntries };
  return {
    records,
    timelineEntries,
    warning:
      `DATA_DIR holds ${over.join(' and ')}: past the size the embedded store is made for, ` +
      'moves and restarts get slower. Use PostgreSQL: set DATABASE_URL.',
  };
}
