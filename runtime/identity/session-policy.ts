/** How long sessions live: idle time before they end, and the absolute maximum. */
export interface SessionPolicy {
  readonly idleMs: number;
  readonly maxMs: number;
  /** A session's last use is written at most this often, so reads do not write. */
  readonly touchEveryMs: number;
}

const HOUR = 3_600_000;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 12 * HOUR,
  maxMs: 30 * 24 * HOUR,
  touchEveryMs: 60_000,
};

/**
 * Reads `SESSION_IDLE_HOURS` (default 12) and `SESSION_MAX_DAYS` (default 30); anything
 * but a positive number is a start-up error naming the variable.
 */
export function sessionPolicyFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): SessionPolicy {
  const read = (name: string, unit: number, fallback: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || !(n > 0))
      throw new Error(`${name} must be a positive number, not "${raw}"`);
    return n * unit;
  };
  return {
    idleMs: read('SESSION_IDLE_HOURS', HOUR, DEFAULT_SESSION_POLICY.idleMs),
    maxMs: read('SESSION_MAX_DAYS', 24 * HOUR, DEFAULT_SESSION_POLICY.maxMs),
    touchEveryMs: DEFAULT_SESSION_POLICY.touchEveryMs,
  };
}
