import { runMigrations, Logger } from 'graphile-worker';
import pg from 'pg';
import { sql, type RawBuilder } from 'kysely';
import type { OutboxDoc } from '../../domain/outbox.js';
import type { TimerDoc } from '../../domain/timer.js';

/** graphile-worker's task names for Conveyor's jobs. */
export const TIMER_TASK = 'conveyor_timer';
export const DELIVERY_TASK = 'conveyor_delivery';

/** The payload of a job: which timer or outbox item is due (the store's row stays the truth). */
export interface JobPayload {
  key: string;
}

/** graphile-worker stays quiet: Conveyor's own log says what its jobs did. */
export const silentWorkerLogger = new Logger(() => () => undefined);

/** The schema of the job queue beside Conveyor's tables (`<schema>_jobs`). */
export const jobsSchemaOf = (schema: string): string => `${schema}_jobs`;

/** Installs or upgrades graphile-worker's tables and functions (its own migrations). */
export async function installJobs(connectionString: string, jobsSchema: string): Promise<void> {
  // Two processes starting together on a new schema would both run graphile-worker's
  // migrations, and one fails half-way (`job_queues does not exist`): one at a time.
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [
      `conveyor:install-jobs:${jobsSchema}`,
    ]);
    await runMigrations({ connectionString, schema: jobsSchema, logger: silentWorkerLogger });
  } finally {
    // Closing the session frees the lock.
    await client.end();
  }
}

/**
 * The job key of a timer: its record, its robot and the timer itself (a plan for one
 * stage entry), so a re-plan replaces the job and leaving the stage removes it.
 */
export const timerJobKey = (t: Pick<TimerDoc, 'recordId' | 'ruleId'>, key: string): string =>
  `timer:${t.recordId}:${t.ruleId}:${key}`;
export const deliveryJobKey = (key: string): string => `outbox:${key}`;

function addJob(
  schema: string,
  task: string,
  jobKey: string,
  key: string,
  /** Absent: now (the database's clock). */
  runAt: string | undefined,
): RawBuilder<unknown> {
  const payload: JobPayload = { key };
  return sql`SELECT ${sql.id(schema, 'add_job')}(
      identifier => ${task}, payload => ${JSON.stringify(payload)}::json,
      run_at => coalesce(${runAt ?? null}::timestamptz, now()), job_key => ${jobKey}, job_key_mode => 'replace',
      max_attempts => 25)`;
}

function removeJob(schema: string, jobKey: string): RawBuilder<unknown> {
  return sql`SELECT ${sql.id(schema, 'remove_job')}(${jobKey})`;
}

/**
 * Keeps the job queue in step with a timer's row, in the same transaction as the write
 * (no timer is lost between a commit and an enqueue): a pending timer has a job at its
 * due time, re-planned when `dueAt` changes; a parked or deleted one has none. Writes
 * that change neither (an in-flight mark) leave the job alone. Answers the statement
 * to run in the write's transaction, if any.
 */
export function planTimerJob(
  schema: string,
  key: string,
  before: TimerDoc | undefined,
  after: TimerDoc | undefined,
): RawBuilder<unknown> | undefined {
  const live = (t: TimerDoc | undefined): t is TimerDoc => t !== undefined && t.status !== 'failed';
  if (live(after)) {
    if (live(before) && before.dueAt === after.dueAt) return undefined;
    return addJob(schema, TIMER_TASK, timerJobKey(after, key), key, after.dueAt);
  }
  return live(before) ? removeJob(schema, timerJobKey(before, key)) : undefined;
}

/**
 * The same for an outbox item: a job while it is `pending`, at its next attempt (now
 * when it has none), replaced when an attempt's outcome moves that time, removed once
 * it is sent, dead or kept.
 */
export function planDeliveryJob(
  schema: string,
  key: string,
  before: OutboxDoc | undefined,
  after: OutboxDoc | undefined,
): RawBuilder<unknown> | undefined {
  const pending = (o: OutboxDoc | undefined): o is OutboxDoc => o?.status === 'pending';
  if (pending(after)) {
    if (
      pending(before) &&
      before.nextAttemptAt === after.nextAttemptAt &&
      before.attempts === after.attempts
    )
      return undefined;
    return addJob(schema, DELIVERY_TASK, deliveryJobKey(key), key, after.nextAttemptAt);
  }
  return pending(before) ? removeJob(schema, deliveryJobKey(key)) : undefined;
}
