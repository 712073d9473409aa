/** How often and how patiently deliveries are retried (injectable so tests run fast). */
export interface RetryPolicy {
  /** Attempts in all, the first included (a webhook action may ask for its own). */
  maxAttempts: number;
  /** Delay before the second attempt; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Share of the delay added at random (0..1), so failed receivers are not hit in step. */
  jitter: number;
  /** Webhook timeout when the action sets none. */
  timeoutMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 2_000,
  maxDelayMs: 10 * 60_000,
  jitter: 0.2,
  timeoutMs: 10_000,
};

/**
 * Milliseconds to wait after failed attempt number `attempt` (1-based); timers use it too.
 *
 * @example backoffDelay(3, { ...DEFAULT_RETRY_POLICY, jitter: 0 }) // 8000
 */
export function backoffDelay(
  attempt: number,
  policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'jitter'>,
  random: () => number = Math.random,
): number {
  const plain = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return Math.round(plain * (1 + policy.jitter * random()));
}
