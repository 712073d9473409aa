import type { EntityType } from '../../schemas/index.js';
import { cancelTimer } from '../engine/timers/cancel-timer.js';
import { log } from '../engine/run-context.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { TimerDoc } from '../domain/timer.js';
import type { Who } from '../domain/who.js';
import type { RuntimeCore } from './runtime-core.js';

export interface TimerFilter {
  model?: string;
  entity?: EntityType;
  /** Inclusive bounds on the due time (ISO 8601). */
  dueAfter?: string;
  dueBefore?: string;
  /** `pending`: waiting to run (retries included); `failed`: parked. Absent: both. */
  status?: 'pending' | 'failed';
}

/** Due times are stored as `toISOString()`; bounds compare as the same text. */
const instant = (iso: string | undefined): string | undefined =>
  iso === undefined ? undefined : new Date(iso).toISOString();

/** "What is scheduled?": pending timers overall and per record, and cancelling one. */
export class TimerService {
  constructor(private readonly core: RuntimeCore) {}

  /** A page of timers, earliest first (ties by id). */
  list(filter: TimerFilter, page: PageRequest): Promise<Page<TimerDoc>> {
    const dueAfter = instant(filter.dueAfter);
    const dueBefore = instant(filter.dueBefore);
    return this.core.store.query(
      'timers',
      {
        ...(filter.model === undefined ? {} : { modelId: filter.model }),
        ...(filter.entity === undefined ? {} : { entity: filter.entity }),
        ...(filter.status === undefined ? {} : { state: filter.status }),
        ...(dueAfter === undefined ? {} : { dueAfter }),
        ...(dueBefore === undefined ? {} : { dueBefore }),
      },
      page,
    );
  }

  async forRecord(entity: EntityType, id: string, page: PageRequest): Promise<Page<TimerDoc>> {
    const r = await this.core.store.get('records', id);
    if (r === undefined || r.entity !== entity) throw notFound(`${entity} ${id}`);
    return this.core.store.query('timers', { recordId: id }, page);
  }

  /**
   * Runs a parked timer again at once, with its attempts counted from zero; the
   * record's timeline says a user did it. Only a parked (`failed`) timer: 409 otherwise.
   */
  async retry(id: string, who?: Who): Promise<TimerDoc> {
    return this.core.changeAs(who, async (tx, run) => {
      const t = await tx.get('timers', id);
      if (t === undefined) throw notFound(`timer ${id}`);
      if (t.status !== 'failed')
        throw new HttpError(409, 'TIMER_NOT_FAILED', `timer ${id} is pending, not parked`);
      const ctx = await run();
      const { status: _s, attempts: _a, lastError: _e, inFlight: _f, queuedRun: _q, ...rest } = t;
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
        ...(who === undefined ? {} : { actor: who.actor }),
      });
      this.core.audit(tx, {
        kind: 'timer.retried',
        entity: t.entity,
        recordId: t.recordId,
        target: id,
        detail: t.ruleId,
      });
      return again;
    });
  }

  /** Cancels a pending or parked timer; the record's timeline says a user did it. */
  async cancel(id: string, who?: Who): Promise<TimerDoc> {
    return this.core.changeAs(who, async (tx, run) => {
      const t = await tx.get('timers', id);
      if (t === undefined) throw notFound(`timer ${id}`);
      cancelTimer(await run(), t, 'cancelled_by_api');
      this.core.audit(tx, {
        kind: 'timer.cancelled',
        entity: t.entity,
        recordId: t.recordId,
        target: id,
        detail: t.ruleId,
      });
      return t;
    });
  }
}
