import type { TimerDoc } from '../../domain/timer.js';
import { log, type RunContext } from '../run-context.js';

/** Why a timer did not finish: its run threw, or the process died twice while it ran. */
export type TimerFailureReason = 'failed' | 'crashed';

export interface TimerFailure {
  readonly reason: TimerFailureReason;
  readonly error: string;
  /** Attempts that failed, this one included. */
  readonly attempts: number;
  readonly maxAttempts: number;
  /** When to try again; absent: park it (`status: 'failed'`) until a user retries it. */
  readonly retryAt?: string;
}

/**
 * Stores a failed timer run in the run's batch: the timer moves to its next attempt or
 * is parked, and the record's timeline says why and what happens next. The run itself
 * was rolled back, so this batch holds only the failure.
 */
export function recordTimerFailure(ctx: RunContext, timer: TimerDoc, f: TimerFailure): TimerDoc {
  const { inFlight: _inFlight, queuedRun: _queued, status: _status, ...rest } = timer;
  const next: TimerDoc =
    f.retryAt === undefined
      ? { ...rest, attempts: f.attempts, lastError: f.error, status: 'failed' }
      : { ...rest, attempts: f.attempts, lastError: f.error, dueAt: f.retryAt };
  ctx.tx.put('timers', timer.id, next);
  const what =
    f.reason === 'crashed'
      ? `the process stopped twice while timer ${timer.id} ran`
      : `timer ${timer.id} failed (attempt ${f.attempts} of ${f.maxAttempts}): ${f.error}`;
  const then =
    f.retryAt === undefined
      ? 'parked; POST /api/timers/:id/retry runs it again, DELETE /api/timers/:id drops it'
      : `next attempt at ${f.retryAt}`;
  log(ctx, timer.recordId, {
    kind: 'timer_failed',
    ruleId: timer.ruleId,
    eventId: timer.eventId,
    modelId: timer.modelId,
    version: timer.version,
    outcome: f.retryAt === undefined ? 'parked' : 'retry',
    message: `${timer.ruleId}: ${what}; ${then}`,
    data: {
      timerId: timer.id,
      reason: f.reason,
      error: f.error,
      attempts: f.attempts,
      ...(f.retryAt === undefined ? {} : { retryAt: f.retryAt }),
    },
  });
  return next;
}
