import type { ScenarioStep, SimulationResult } from '../../schemas/index.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { StepOutcome } from './apply-step.js';
import { MINUTE_MS } from './durations.js';
import type { SimulationStore } from './simulation-store.js';

/**
 * Scenario refs of records, both ways: the script's own, and `auto-1`, `auto-2`, ...
 * for records automations create, numbered in creation order. Also writes the script's
 * steps into the timeline, each just before what it caused.
 */
export class RefBook {
  readonly ids = new Map<string, string>();
  private readonly refOf = new Map<string, string>();
  private readonly stepRefs = new Map<TimelineEntry, string>();
  private autos = 0;
  private seen = 0;
  private steps = 0;

  constructor(private readonly store: SimulationStore) {}

  /** Names the records created since the last call (script refs first, then auto-N). */
  sync(): void {
    for (const [ref, id] of this.ids) if (!this.refOf.has(id)) this.refOf.set(id, ref);
    const journal = this.store.journal;
    for (; this.seen < journal.length; this.seen += 1) {
      const e = journal[this.seen];
      if (e?.kind !== 'record_created' || this.refOf.has(e.recordId)) continue;
      this.autos += 1;
      const ref = `auto-${this.autos}`;
      this.refOf.set(e.recordId, ref);
      this.ids.set(ref, e.recordId);
    }
  }

  ref(recordId: string): string {
    return this.refOf.get(recordId) ?? recordId;
  }

  refOfEntry(e: TimelineEntry): string {
    return this.stepRefs.get(e) ?? this.ref(e.recordId);
  }

  /** A timeline line for a step, written before the step runs. */
  stepEntry(step: ScenarioStep, at: string): TimelineEntry {
    this.steps += 1;
    const entry: TimelineEntry = {
      id: `step_${String(this.steps).padStart(8, '0')}`,
      recordId: this.ids.get(step.ref) ?? '',
      at,
      seq: 0,
      kind: 'step',
      outcome: 'running',
      message: step.do,
      data: { step },
    };
    this.stepRefs.set(entry, step.ref);
    this.store.journal.push(entry);
    return entry;
  }

  settleStep(entry: TimelineEntry, ref: string, outcome: StepOutcome): void {
    entry.recordId = outcome.recordId;
    entry.outcome = outcome.ok ? 'done' : 'refused';
    entry.message = outcome.message;
    if (outcome.ok && outcome.recordId !== '') this.ids.set(ref, outcome.recordId);
    this.sync();
  }
}

const minuteOf = (iso: unknown, start: number): number =>
  typeof iso === 'string' ? (Date.parse(iso) - start) / MINUTE_MS : 0;

type Output = Pick<
  SimulationResult,
  'timeline' | 'records' | 'tasks' | 'notifications' | 'outbox' | 'timers'
>;

/** The timeline and final collections of a finished run, each item with its record's ref. */
export async function buildResult(
  store: SimulationStore,
  refs: RefBook,
  start: number,
): Promise<Output> {
  refs.sync();
  const scoped = <T extends { recordId: string }>(items: T[], time: (x: T) => unknown) =>
    items.map((x) => ({ ref: refs.ref(x.recordId), minute: minuteOf(time(x), start), ...x }));
  return {
    timeline: store.journal.map((e) => ({
      at: e.at,
      minute: minuteOf(e.at, start),
      ref: refs.refOfEntry(e),
      recordId: e.recordId,
      kind: e.kind,
      ...(e.ruleId === undefined ? {} : { ruleId: e.ruleId }),
      ...(e.ruleId?.startsWith('robot:') || e.ruleId?.startsWith('trigger:')
        ? { nodeId: e.ruleId }
        : {}),
      // The contract promises `cancelled` for a timer dropped when its record left the stage.
      ...(e.outcome !== undefined
        ? { outcome: e.outcome }
        : e.kind === 'timer_cancelled'
          ? { outcome: 'cancelled' }
          : {}),
      message: e.message,
      ...(e.data === undefined ? {} : { data: e.data }),
    })),
    records: store.snapshot('records').map((r) => ({ ref: refs.ref(r.id), ...r })),
    tasks: scoped(store.snapshot('tasks'), (x) => x.createdAt),
    notifications: scoped(store.snapshot('notifications'), (x) => x.createdAt),
    outbox: scoped(store.snapshot('outbox'), (x) => x.createdAt),
    timers: scoped(store.snapshot('timers'), (x) => x.dueAt),
  };
}
