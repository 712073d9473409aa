import type { EntityType } from '../../schemas/index.js';
import { cancelTimer } from '../engine/timers/cancel-timer.js';
import { log } from '../engine/run-context.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { TimerDoc } from '../store/store-types.js';
import type { RuntimeCore } from './runtime-core.js';

export interface TimerFilter {
  model?: string;
  entity?: EntityType;
  /** Inclusive bounds on the due time (ISO 8601). */
  dueAfter?: string;
  dueBefore?: string;
  /** `pending`: waiting to run (retries included); `failed`: parked. Absent: both. */
  status?: 'pending' | 'failed';
  limit?: number;
}

const byDue = (a: TimerDoc, b: TimerDoc): number =>
  a.dueAt === b.dueAt ? a.id.localeCompare(b.id) : a.dueAt.localeCompare(b.dueAt);

/** "What is scheduled?": pending timers overall and per record, and cancelling one. */
export class TimerService {
  constructor(private readonly core: RuntimeCore) {}

  async list(filter: TimerFilter): Promise<{ total: number; timers: TimerDoc[] }> {
    const { store } = this.core;
    const after = filter.dueAfter === undefined ? undefined : Date.parse(filter.dueAfter);
    const before = filter.dueBefore === undefined ? undefined : Date.parse(filter.dueBefore);
    const out: TimerDoc[] = [];
    for (const t of await store.list('timers')) {
      if (filter.model !== undefined && t.modelId !== filter.model) continue;
      if (filter.status !== undefined && (t.status ?? 'pending') !== filter.status) continue;
      const due = Date.parse(t.dueAt);
      if (after !== undefined && due < after) continue;
      if (before !== undefined && due > before) continue;
      if (filter.entity !== undefined) {
        const entity = t.entity ?? (await store.get('records', t.recordId))?.entity;
        if (entity !== filter.entity) continue;
      }
      out.push(t);
    }
    out.sort(byDue);
    return { total: out.length, timers: out.slice(0, filter.limit ?? 1000) };
  }

  async forRecord(entity: EntityType, id: string): Promise<TimerDoc[]> {
    const r = await this.core.store.get('records', id);
    if (r === undefined || r.entity !== entity) throw notFound(`${entity} ${id}`);
    return (await this.core.store.listByRecord('timers', id)).sort(byDue);
  }

  /**
   * Runs a parked timer again at once, with its attempts counted from zero; the
   * record's timeline says a user did it. Only a parked (`failed`) timer: 409 otherwise.
   */
  async retry(id: string): Promise<TimerDoc> {
    return this.core.change(async (tx, run) => {
      const t = await tx.get('timers', id);
      if (t === undefined) throw notFound(`timer ${id}`);
      if (t.status !== 'failed')
        throw new HttpError(409, 'TIMER_NOT_FAILED', `timer ${id} is pending, not parked`);
      const ctx = await run();
      const { status: _s, attempts: _a, lastError: _e, inFlight: _f, ...rest } = t;
      const again: TimerDoc = { ...rest, dueAt: ctx.now };
      tx.put('timers', id, again);
      log(ctx, t.recordId, {
        kind: 'timer_retried',
        ruleId: t.ruleId,
        eventId: t.eventId,
        modelId: t.modelId,
        version: t.version,
        message: `${t.ruleId}: parked timer ${id} runs again: retried by a user (POST /api/timers/:id/retry)`,
        data: { timerId: id, attempts: t.attempts ?? 0, lastError: t.lastError ?? null },
      });
      return again;
    });
  }

  /** Cancels a pending or parked timer; the record's timeline says a user did it. */
  async cancel(id: string): Promise<TimerDoc> {
    return this.core.change(async (tx, run) => {
      const t = await tx.get('timers', id);
      if (t === undefined) throw notFound(`timer ${id}`);
      cancelTimer(await run(), t, 'cancelled_by_api');
      return t;
    });
  }
}
