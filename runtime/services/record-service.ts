import {
  STANDARD_FIELDS,
  quoted,
  stageDisplayName,
  type EntityType,
  type RuleSetPipeline,
} from '../../schemas/index.js';
import { appendAudit } from '../engine/append-audit.js';
import { missingRequired } from '../engine/engine.js';
import type { EngineEvent } from '../engine/run-context.js';
import { redactOutboxItem } from '../delivery/redact-outbox-item.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { RecordPageRequest, RecordQuery } from '../domain/record-query.js';
import { revisionOf, type RecordDoc } from '../domain/record.js';
import type { Tx } from '../engine/tx.js';
import type { RunContext } from '../engine/run-context.js';
import type { Who } from '../domain/who.js';
import { ifMatchHolds } from './if-match-holds.js';
import { checkRecordFields } from './check-record-fields.js';
import { createCheckedRecord } from './create-checked-record.js';
import { RecycleBinService } from './recycle-bin-service.js';
import type { RuntimeCore } from './runtime-core.js';

const API = { eventId: 'api' };

/** A record's revision as an HTTP entity tag. */
export const recordEtag = (r: RecordDoc): string => `"${revisionOf(r)}"`;

/** Records, moves, links and external events: each a run of the engine in one batch. */
export class RecordService {
  private readonly bin: RecycleBinService;

  /** `bin`: where deleted records go (default: one with the default retention). */
  constructor(
    private readonly core: RuntimeCore,
    bin?: RecycleBinService,
  ) {
    this.bin = bin ?? new RecycleBinService(core);
  }

  /** A page of an entity's records matching the filter. */
  list(
    entity: EntityType,
    filter: Omit<RecordQuery, 'entity'>,
    page: RecordPageRequest,
  ): Promise<Page<RecordDoc>> {
    return this.core.store.queryRecords({ ...filter, entity }, page);
  }

  /** How many of an entity's records match the filter (the store's indexes, no page). */
  count(entity: EntityType, filter: Omit<RecordQuery, 'entity'>): Promise<number> {
    return this.core.store.countRecords({ ...filter, entity });
  }

  async get(entity: EntityType, id: string): Promise<RecordDoc> {
    const r = await this.core.store.get('records', id);
    if (r === undefined || r.entity !== entity) throw notFound(`${entity} ${id}`);
    return r;
  }

  /**
   * The record as stored after a change (the store sets its revision on commit), so the
   * answer and its `ETag` name the revision the change produced.
   */
  private async stored(r: RecordDoc): Promise<RecordDoc> {
    return (await this.core.store.get('records', r.id)) ?? r;
  }

  /**
   * A change of record `id` answered with the record as stored (`stored`), read before
   * the record's lock is released: read after, it could name the revision of another
   * process's change made meanwhile (two moves answered with one revision).
   */
  private async changeAndRead(
    id: string,
    fn: (tx: Tx, run: () => Promise<RunContext>) => Promise<RecordDoc>,
    who: Who | undefined,
  ): Promise<RecordDoc> {
    const release = await this.core.lockRecord(id);
    try {
      return await this.stored(await this.core.changeLocked(fn, [], who));
    } finally {
      await release();
    }
  }

  /**
   * Reads a record for an update in a change: 404 when it is not of the entity; with
   * `ifMatch` (the `If-Match` header), 412 `REVISION_CONFLICT` unless it names the
   * current revision, and the batch is made conditional on that revision.
   */
  private async forUpdate(
    tx: Tx,
    entity: EntityType,
    id: string,
    ifMatch: string | undefined,
  ): Promise<RecordDoc> {
    const r = await tx.get('records', id);
    if (r === undefined || r.entity !== entity) throw notFound(`${entity} ${id}`);
    if (ifMatch === undefined) return r;
    const current = revisionOf(r);
    if (!ifMatchHolds(ifMatch, recordEtag(r)))
      throw new HttpError(
        412,
        'REVISION_CONFLICT',
        `${entity} ${id} was changed since (now revision ${current}, If-Match was ${ifMatch}): reload it and try again`,
        undefined,
        { revision: current, etag: recordEtag(r) },
      );
    tx.expectRevision('records', id, current);
    return r;
  }

  /**
   * Where a new record goes: the model owning the named pipeline (or the entity's
   * latest), its pipeline and stage (the first when none is named). 422 when the
   * pipeline or stage does not exist; `{}` when none of the three is named.
   */
  placement(
    entity: EntityType,
    body: { model?: string; pipeline?: string; stage?: string },
  ): { model?: string; def?: RuleSetPipeline; stage?: string } {
    if (body.pipeline === undefined && body.stage === undefined && body.model === undefined)
      return {};
    const found = this.core.engine.findPipeline(entity, body.pipeline, body.model);
    if (found === undefined) {
      const where = body.model === undefined ? '' : ` in published model ${body.model}`;
      throw new HttpError(
        422,
        'UNKNOWN_PIPELINE',
        `${body.pipeline === undefined ? '/model' : '/pipeline'}: no published pipeline ${body.pipeline ?? '(any)'} for ${entity}${where}`,
      );
    }
    const stage = body.stage ?? found.def.stages[0]?.key ?? '';
    if (!found.def.stages.some((s) => s.key === stage)) {
      throw new HttpError(
        422,
        'UNKNOWN_STAGE',
        `/stage: ${stage} is not a stage of ${quoted(found.def.name ?? found.def.key)} (${found.def.key})`,
      );
    }
    return { model: found.set.modelId, def: found.def, stage };
  }

  /** `placement` after learning of versions another process published meanwhile. */
  async freshPlacement(
    entity: EntityType,
    body: { model?: string; pipeline?: string; stage?: string },
  ): Promise<ReturnType<RecordService['placement']>> {
    await this.core.versions.sync();
    return this.placement(entity, body);
  }

  async create(
    entity: EntityType,
    body: { model?: string; pipeline?: string; stage?: string; fields: Record<string, unknown> },
    who?: Who,
  ) {
    const { engine } = this.core;
    // The pipeline may be one another process published since this one looked.
    await this.core.versions.sync();
    const place = this.placement(entity, body);
    this.checkFields(entity, place.model, body.fields);
    if (place.def !== undefined && place.stage !== undefined) {
      const missing = missingRequired(place.def, place.stage, body.fields);
      if (missing.length > 0)
        throw this.missing(stageDisplayName([place.def], place.def.key, place.stage), missing);
    }
    const model = place.model;
    return this.core.change(
      async (tx, run) => {
        const input = { ...body, ...(model === undefined ? {} : { model }) };
        const made = await createCheckedRecord(engine, await run(), entity, input, 'create');
        if (made.record === undefined) throw new Error('onDuplicate "create" always creates');
        return made.record;
      },
      [],
      who,
    );
  }

  /**
   * Refuses fields the record's entity does not have or values of the wrong type
   * (422 naming `/fields/<key>`). A record of a published model is checked against
   * that model's fields; a record of no model against the standard fields only.
   */
  private checkFields(entity: EntityType, model: string | undefined, fields: object): void {
    const set =
      model === undefined
        ? undefined
        : this.core.engine.findPipeline(entity, undefined, model)?.set;
    const known = set?.ruleSet.fields[entity] ?? STANDARD_FIELDS[entity];
    const problems = checkRecordFields(fields as Record<string, unknown>, known, set === undefined);
    if (problems.length > 0)
      throw new HttpError(
        422,
        'INVALID_FIELDS',
        problems.map((d) => d.message).join('; '),
        problems,
      );
  }

  /** `stage` is the stage's display name; field keys stay keys (they are paths). */
  private missing(stage: string, fields: string[]): HttpError {
    return new HttpError(
      422,
      'REQUIRED_FIELDS_MISSING',
      `stage ${quoted(stage)} requires ${fields.join(', ')}`,
      fields.map((f) => ({
        code: 'REQUIRED_FIELD_MISSING',
        severity: 'error',
        path: `/fields/${f}`,
        message: `/fields/${f} is required to enter ${quoted(stage)}`,
        params: { field: f, stage },
      })),
    );
  }

  async patch(
    entity: EntityType,
    id: string,
    fields: Record<string, unknown>,
    ifMatch?: string,
    who?: Who,
  ): Promise<RecordDoc> {
    return this.changeAndRead(
      id,
      async (tx, run) => {
        const r = await this.forUpdate(tx, entity, id, ifMatch);
        this.checkFields(entity, r.model, fields);
        const ctx = await run();
        await this.core.engine.setFields(ctx, id, fields, API);
        return (await tx.get('records', id)) ?? r;
      },
      who,
    );
  }

  /**
   * Deletes a record into the recycle bin: it goes there with its links, timeline,
   * tasks, notifications, documents and timers, in one commit with its audit entry.
   */
  async remove(entity: EntityType, id: string, ifMatch?: string, who?: Who): Promise<void> {
    await this.core.changeRecord(
      id,
      async (tx) => {
        const r = await this.forUpdate(tx, entity, id, ifMatch);
        const now = this.core.clock.now().toISOString();
        const binned = await this.bin.moveIn(tx, r, now);
        this.core.audit(tx, {
          kind: 'record.deleted',
          entity,
          recordId: id,
          detail: `kept in the recycle bin until ${binned.purgeAfter}`,
          detailCode: 'kept_until',
          detailParams: { until: binned.purgeAfter },
        });
      },
      [],
      who,
    );
  }

  async move(
    entity: EntityType,
    id: string,
    body: { stage: string; pipeline?: string },
    ifMatch?: string,
    who?: Who,
  ): Promise<RecordDoc> {
    return this.changeAndRead(
      id,
      async (tx, run) => {
        const r = await this.forUpdate(tx, entity, id, ifMatch);
        const ctx = await run();
        const pipeline = body.pipeline ?? r.pipeline;
        if (pipeline === undefined)
          throw new HttpError(
            422,
            'NO_PIPELINE',
            '/pipeline is required: the record is in no pipeline',
          );
        const found =
          this.core.engine.findPipeline(entity, pipeline, r.model) ??
          this.core.engine.findPipeline(entity, pipeline);
        const def =
          found === undefined
            ? undefined
            : (ctx.versions.get(found.set.modelId) ?? found.set).pipeline(pipeline);
        if (def === undefined)
          throw new HttpError(
            422,
            'UNKNOWN_PIPELINE',
            `/pipeline: no published pipeline ${pipeline}`,
          );
        if (!def.stages.some((s) => s.key === body.stage))
          throw new HttpError(
            422,
            'UNKNOWN_STAGE',
            `/stage: ${body.stage} is not a stage of ${quoted(def.name ?? pipeline)} (${pipeline})`,
          );
        if (r.pipeline === pipeline && r.stage === body.stage)
          throw new HttpError(
            409,
            'ALREADY_IN_STAGE',
            `the record is already in ${quoted(stageDisplayName([def], pipeline, body.stage))}`,
          );
        const missing = missingRequired(def, body.stage, r.fields);
        if (missing.length > 0)
          throw this.missing(stageDisplayName([def], pipeline, body.stage), missing);
        const res = await this.core.engine.move(ctx, id, pipeline, body.stage, API);
        if (!res.ok) throw new HttpError(422, 'MOVE_REFUSED', res.message);
        return (await tx.get('records', id)) ?? r;
      },
      who,
    );
  }

  async link(
    entity: EntityType,
    id: string,
    target: { entity: EntityType; id: string },
    ifMatch?: string,
    who?: Who,
  ): Promise<RecordDoc> {
    return this.changeAndRead(
      id,
      async (tx, run) => {
        const a = await this.forUpdate(tx, entity, id, ifMatch);
        if (target.id === id)
          throw new HttpError(422, 'SELF_LINK', `/id: a record cannot be linked to itself (${id})`);
        const b = await tx.get('records', target.id);
        if (b === undefined || b.entity !== target.entity)
          throw new HttpError(422, 'UNKNOWN_RECORD', `/id: no ${target.entity} ${target.id}`);
        await this.core.engine.link(await run(), a, b);
        return (await tx.get('records', id)) ?? a;
      },
      who,
    );
  }

  /** A page of one record's timeline (time order), tasks, notifications or outbox items. */
  async recordScoped(
    entity: EntityType,
    id: string,
    what: 'timeline' | 'tasks' | 'notifications' | 'outbox',
    page: PageRequest,
  ): Promise<Page<unknown>> {
    await this.get(entity, id);
    if (what === 'outbox') {
      const found = await this.core.store.query('outbox', { recordId: id }, page);
      return { items: found.items.map(redactOutboxItem), nextCursor: found.nextCursor };
    }
    return this.core.store.query(what, { recordId: id }, page);
  }

  /** An external event (message, payment, call...) about a record. */
  async event(
    body: {
      kind: EngineEvent['kind'];
      entity: EntityType;
      recordId: string;
      payload?: Record<string, unknown>;
    },
    who?: Who,
  ) {
    return this.core.changeRecord(
      body.recordId,
      async (tx, run) => {
        const r = await tx.get('records', body.recordId);
        if (r === undefined || r.entity !== body.entity)
          throw new HttpError(
            422,
            'UNKNOWN_RECORD',
            `/recordId: no ${body.entity} ${body.recordId}`,
          );
        const ctx = await run();
        const event = this.core.engine.newEvent(
          body.kind,
          r.id,
          body.payload === undefined ? {} : { payload: body.payload },
        );
        // The event's payload may carry anything: the entry names the event, not its content.
        appendAudit(tx, ctx, {
          kind: 'record.event',
          entity: r.entity,
          recordId: r.id,
          target: event.id,
          detail: body.kind,
        });
        await this.core.engine.handle(ctx, event);
        return { eventId: event.id, record: (await tx.get('records', r.id)) ?? r };
      },
      [],
      who,
    );
  }

  /** The record a task hangs on (undefined: no such task, or its record is gone). */
  async recordOfTask(taskId: string): Promise<RecordDoc | undefined> {
    const t = await this.core.store.get('tasks', taskId);
    return t === undefined ? undefined : this.core.store.get('records', t.recordId);
  }

  async completeTask(id: string, who?: Who) {
    return this.core.change(
      async (tx, run) => {
        const t = await tx.get('tasks', id);
        if (t === undefined) throw notFound(`task ${id}`);
        if (t.status === 'done')
          throw new HttpError(409, 'ALREADY_DONE', `task ${id} is already completed`);
        const ctx = await run();
        const done = { ...t, status: 'done' as const, completedAt: ctx.now };
        tx.put('tasks', id, done);
        const r = await tx.get('records', t.recordId);
        appendAudit(tx, ctx, {
          kind: 'task.completed',
          ...(r === undefined ? {} : { entity: r.entity }),
          recordId: t.recordId,
          target: id,
          changes: { status: { before: t.status, after: 'done' } },
        });
        const event = this.core.engine.newEvent('task_completed', t.recordId, {
          payload: { taskId: id },
        });
        await this.core.engine.handle(ctx, event);
        return done;
      },
      [],
      who,
    );
  }
}
