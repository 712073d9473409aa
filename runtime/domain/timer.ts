import type { EntityType, Timing } from '../../schemas/index.js';
import type { CausationChain } from './causation-chain.js';

/** A persisted delayed robot or date trigger, fired by the scheduler when due. */
export interface TimerDoc {
  id: string;
  dueAt: string;
  ruleId: string;
  recordId: string;
  modelId: string;
  version: number;
  pipeline: string;
  stage: string;
  eventId: string;
  idempotencyKey: string;
  onLeaveStage: 'cancel' | 'keep';
  /** The record's entity, so timers can be listed by entity without reading records. */
  entity?: EntityType;
  /** The robot's timing, so a changed anchor field re-plans without the rule set. */
  timing?: Timing;
  /** `relative_to_field` timers: what a change of `timing.field` does (default replan). */
  onAnchorChange?: 'replan' | 'keep';
  /** Set when working hours moved the due time: the time before moving. */
  plannedFor?: string;
  /**
   * `trigger`: a `date_reached` trigger's timer (`stage` is the trigger's target; it
   * survives stage changes and is dropped when the record leaves the pipeline).
   * Absent: a robot's.
   */
  source?: 'trigger';
  /** Rule ids of the stage's next robots timed `after_previous`: planned when this fires. */
  followers?: string[];
  /** Payload of the external event that moved the record here, as the robot will see it. */
  payload?: Record<string, unknown>;
  /** Runs that failed so far; the next one is at `dueAt` (moved by the backoff). */
  attempts?: number;
  /** Why the last run failed (or why the timer was parked). */
  lastError?: string;
  /** `failed`: parked after its attempts or a crash loop; never due until retried. */
  status?: 'failed';
  /**
   * Runs started and not finished: set on disk before each run, cleared by its end. A
   * timer found with 2 at start-up was running when the process died twice: parked.
   */
  inFlight?: number;
  /**
   * Marked to run in a group (one write marked every timer of the group, before the
   * first ran): if the process died then, it cannot be told which one it ran, so none
   * counts a crash (`inFlight` stays); each runs alone afterwards, counted.
   */
  queuedRun?: true;
  /**
   * The chain of automation that planned this timer, as it was then: firing continues
   * it, so a loop through delayed robots is counted (and stopped) across runs and
   * restarts. Absent on timers planned before chains were kept: firing starts a chain.
   */
  chain?: CausationChain;
}
