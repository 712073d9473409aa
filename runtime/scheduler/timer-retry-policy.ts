/** How a timer whose run fails is tried again (injectable so tests run fast). */
export interface TimerRetryPolicy {
  /** Runs in all, the first included; after the last failed one the timer is parked. */
  maxAttempts: number;
  /** Delay before the second run; each later one doubles, up to `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** Share of the delay added at random (0..1). */
  jitter: number;
}

/** 5 runs: again after about 30 s, 1, 2 and 4 minutes, then parked (runtime/README.md). */
export const DEFAULT_TIMER_RETRY_POLICY: TimerRetryPolicy = {
  maxAttempts: 5,
  baseDelayMs: 30_000,
  maxDelayMs: 60 * 60_000,
  jitter: 0.2,
};

/** A timer found in flight this many times at start-up killed the process: it is parked. */
export const CRASHES_BEFORE_PARKING = 2;
