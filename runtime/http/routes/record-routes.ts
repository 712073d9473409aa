import type { EntityType } from '../../../schemas/index.js';
import type { Access } from '../../access/access.js';
import { intersectResponsible } from '../../access/record-scope-filter.js';
import { exportRecords } from '../../access/record-export.js';
import { RecordExportQuery } from '../../../schemas/api/export-schemas.js';
import type { RuntimeCore } from '../../services/runtime-core.js';
import { Type } from '@sinclair/typebox';
import { entityOfPath } from '../../services/entity-paths.js';
import type { RecordDoc } from '../../domain/record.js';
import type { RecordQuery as StoreRecordQuery } from '../../domain/record-query.js';
import { recordEtag, type RecordService } from '../../services/record-service.js';
import { HttpError } from '../http-error.js';
import { pageRequest } from '../page-request.js';
import type { RouteDef, RouteRequest } from '../route.js';
import { whoOf } from '../who-of.js';
import { EntityParam, IdParam, RecordParams } from '../schemas/path-params.js';
import {
  AnyItem,
  AnyObject,
  ErrorBody,
  EventBody,
  EventResult,
  LinkBody,
  MoveBody,
  RecordBody,
  RecordCreateBody,
  RecordPatchBody,
  Page,
  PageQuery,
  RecordCount,
  RecordCountQuery,
  RecordQuery,
} from '../schemas/api-schemas.js';

const params = RecordParams;

const IF_MATCH = {
  'If-Match':
    'The ETag the record was read with; a record changed since is refused with 412 REVISION_CONFLICT (absent: the change applies regardless)',
};

/** The record's revision goes out as the `ETag` header too. */
function withEtag(record: RecordDoc) {
  return { headers: { ETag: recordEtag(record) }, body: record };
}

const list = (v: string | undefined): string | string[] | undefined =>
  v === undefined ? undefined : v.includes(',') ? v.split(',') : v;

/** The store's record filter from the list (or count) route's query. */
export function recordFilterOf(q: RecordCountQuery): Omit<StoreRecordQuery, 'entity'> {
  const stage = list(q.stage);
  const responsible = list(q.responsible);
  const amount = {
    ...(q.amountMin === undefined ? {} : { min: Number(q.amountMin) }),
    ...(q.amountMax === undefined ? {} : { max: Number(q.amountMax) }),
  };
  return {
    ...(q.model === undefined ? {} : { model: q.model }),
    ...(q.pipeline === undefined ? {} : { pipeline: q.pipeline }),
    ...(stage === undefined ? {} : { stage }),
    ...(responsible === undefined ? {} : { responsible }),
    ...(q.updatedSince === undefined
      ? {}
      : { updatedSince: new Date(q.updatedSince).toISOString() }),
    ...(q.q === undefined ? {} : { text: q.q }),
    ...(Object.keys(amount).length === 0 ? {} : { amount }),
  };
}
const entity = (r: RouteRequest) => entityOfPath(r.params.entity ?? '');

/** The caller's rights (the central check put them on every route that needs credentials). */
function accessOf(r: RouteRequest): Access {
  if (r.access === undefined) throw new Error('record routes need the permission check first');
  return r.access;
}

/**
 * The list filter within the caller's read scope: a manager's query names only their
 * users and stages, so the store never loads anyone else's records.
 */
export function scopedFilter(
  access: Access,
  action: 'read' | 'export',
  e: EntityType,
  asked: Omit<StoreRecordQuery, 'entity'>,
): Omit<StoreRecordQuery, 'entity'> {
  const scope = access.recordFilter(action, e);
  if (scope === null) throw new Error(`the route's permission lets no ${action} of ${e} through`);
  const responsible = intersectResponsible(asked.responsible, scope.responsible);
  return {
    ...asked,
    ...(responsible === undefined ? {} : { responsible }),
    ...(scope.stageLimits === undefined ? {} : { stageLimits: scope.stageLimits }),
  };
}

/** Records, moves, links, per-record logs, external events, tasks and the CSV export. */
export function recordRoutes(records: RecordService, core: RuntimeCore): RouteDef[] {
  const tag = 'records';
  const id = (r: RouteRequest): string => r.params.id ?? '';
  const routes: RouteDef[] = [
    {
      method: 'get',
      path: '/api/records/:entity',
      permission: { action: 'read', subject: ':entity' },
      tag,
      summary:
        'A page of records (filters: model, pipeline, stage, responsible, updatedSince, q, amountMin, amountMax; sort, order, limit, cursor)',
      params: { entity: EntityParam },
      query: RecordQuery,
      responses: { 200: Page(RecordBody), 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => {
        const q = r.query as RecordQuery;
        const e = entity(r);
        return {
          body: await records.list(e, scopedFilter(accessOf(r), 'read', e, recordFilterOf(q)), {
            ...pageRequest(q),
            ...(q.sort === undefined ? {} : { sort: q.sort }),
            ...(q.order === undefined ? {} : { order: q.order }),
          }),
        };
      },
    },
    {
      // Before `/api/records/:entity/:id`, which would take `export` for an id.
      method: 'get',
      path: '/api/records/:entity/export',
      tag,
      permission: { action: 'export', subject: ':entity' },
      summary:
        'The records matching the list filters as CSV (only those in your export scope; audited as record.exported)',
      params: { entity: EntityParam },
      query: RecordExportQuery,
      produces: 'text/csv',
      responses: { 200: Type.String(), 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => {
        const q = r.query as RecordQuery;
        const e = entity(r);
        const { csv } = await exportRecords(core, {
          entity: e,
          query: scopedFilter(accessOf(r), 'export', e, recordFilterOf(q)),
          order: {
            ...(q.sort === undefined ? {} : { sort: q.sort }),
            ...(q.order === undefined ? {} : { order: q.order }),
          },
          who: whoOf(r),
        });
        const day = core.clock.now().toISOString().slice(0, 10);
        return {
          raw: {
            contentType: 'text/csv; charset=utf-8',
            headers: {
              'content-disposition': `attachment; filename="${r.params.entity ?? e}-${day}.csv"`,
            },
            content: csv,
          },
        };
      },
    },
    {
      // Before `/api/records/:entity/:id`, which would take `count` for an id.
      method: 'get',
      path: '/api/records/:entity/count',
      permission: { action: 'read', subject: ':entity' },
      tag,
      summary:
        'How many records match the list filters (model, pipeline, stage, responsible, updatedSince, q, amountMin, amountMax)',
      params: { entity: EntityParam },
      query: RecordCountQuery,
      responses: { 200: RecordCount, 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => {
        const e = entity(r);
        // Within the caller's read scope, as their list would show.
        const filter = scopedFilter(
          accessOf(r),
          'read',
          e,
          recordFilterOf(r.query as RecordCountQuery),
        );
        return { body: { count: await records.count(e, filter) } };
      },
    },
    {
      method: 'post',
      path: '/api/records/:entity',
      permission: { action: 'create', subject: ':entity' },
      tag,
      summary: 'Create a record (its stage robots run)',
      params: { entity: EntityParam },
      body: RecordCreateBody,
      responses: { 201: RecordBody, 400: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const e = entity(r);
        const body = r.body as Parameters<RecordService['create']>[1];
        const access = accessOf(r);
        // A record made by someone allowed only their own (or department's) is theirs
        // unless they name another responsible (then checked like any other).
        const fields =
          body.fields.responsible === undefined &&
          access.permissions.entities[e]?.create !== 'all' &&
          r.auth !== undefined
            ? { ...body.fields, responsible: r.auth.account.userId }
            : body.fields;
        const place = await records.freshPlacement(e, body);
        access.checkPlacement('create', { entity: e, fields }, place.def?.key, place.stage);
        return { status: 201, body: await records.create(e, { ...body, fields }, whoOf(r)) };
      },
    },
    {
      method: 'get',
      path: '/api/records/:entity/:id',
      permission: { action: 'read', subject: ':entity' },
      tag,
      summary: 'One record (ETag: its revision)',
      params,
      responses: { 200: RecordBody, 404: ErrorBody },
      handle: async (r) => withEtag(await records.get(entity(r), id(r))),
    },
    {
      method: 'patch',
      path: '/api/records/:entity/:id',
      permission: { action: 'update', subject: ':entity' },
      tag,
      summary: 'Change fields (null clears; triggers field_changed)',
      params,
      requestHeaders: IF_MATCH,
      body: RecordPatchBody,
      responses: { 200: RecordBody, 400: ErrorBody, 404: ErrorBody, 412: ErrorBody },
      handle: async (r) =>
        withEtag(
          await records.patch(
            entity(r),
            id(r),
            (r.body as { fields: Record<string, unknown> }).fields,
            r.headers['if-match'],
            whoOf(r),
          ),
        ),
    },
    {
      method: 'delete',
      path: '/api/records/:entity/:id',
      permission: { action: 'delete', subject: ':entity' },
      tag,
      summary: 'Delete a record',
      params,
      requestHeaders: IF_MATCH,
      responses: { 204: undefined, 404: ErrorBody, 412: ErrorBody },
      handle: async (r) => {
        await records.remove(entity(r), id(r), r.headers['if-match'], whoOf(r));
        return { status: 204 };
      },
    },
    {
      method: 'post',
      path: '/api/records/:entity/:id/move',
      permission: { action: 'update', subject: ':entity' },
      tag,
      summary: 'Move to a stage (422 naming missing required fields)',
      params,
      requestHeaders: IF_MATCH,
      body: MoveBody,
      responses: {
        200: RecordBody,
        412: ErrorBody,
        400: ErrorBody,
        404: ErrorBody,
        409: ErrorBody,
        422: ErrorBody,
      },
      handle: async (r) => {
        const body = r.body as { stage: string; pipeline?: string };
        // Read by the permission check a moment ago: a move is the busiest route.
        const current =
          r.pathRecord?.entity === entity(r) ? r.pathRecord : await records.get(entity(r), id(r));
        accessOf(r).checkPlacement(
          'update',
          current,
          body.pipeline ?? current.pipeline,
          body.stage,
        );
        return withEtag(
          await records.move(entity(r), id(r), body, r.headers['if-match'], whoOf(r)),
        );
      },
    },
    {
      method: 'post',
      path: '/api/records/:entity/:id/links',
      permission: { action: 'update', subject: ':entity' },
      tag,
      summary: 'Link another record (both ways)',
      params,
      requestHeaders: IF_MATCH,
      body: LinkBody,
      responses: {
        200: RecordBody,
        400: ErrorBody,
        404: ErrorBody,
        412: ErrorBody,
        422: ErrorBody,
      },
      handle: async (r) => {
        const target = r.body as { entity: EntityType; id: string };
        // A record outside the caller's read scope is as unknown as a missing one.
        const other = await records.get(target.entity, target.id).catch(() => undefined);
        if (other !== undefined && !accessOf(r).canRecord('read', other))
          throw new HttpError(422, 'UNKNOWN_RECORD', `/id: no ${target.entity} ${target.id}`);
        return withEtag(
          await records.link(entity(r), id(r), target, r.headers['if-match'], whoOf(r)),
        );
      },
    },
  ];
  for (const what of ['timeline', 'tasks', 'notifications', 'outbox'] as const) {
    routes.push({
      method: 'get',
      path: `/api/records/:entity/:id/${what}`,
      permission: { action: 'read', subject: ':entity' },
      tag,
      summary: `A page of the record's ${what}${what === 'timeline' ? ' (time order)' : ' (oldest first)'}`,
      params,
      query: PageQuery,
      responses: { 200: Page(AnyItem), 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => ({
        body: await records.recordScoped(entity(r), id(r), what, pageRequest(r.query)),
      }),
    });
  }
  routes.push(
    {
      method: 'post',
      path: '/api/events',
      permission: { action: 'update', subject: ':record' },
      tag: 'events',
      summary: 'An external event about a record (message, payment, call...)',
      body: EventBody,
      responses: { 200: EventResult, 400: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const body = r.body as Parameters<RecordService['event']>[0];
        const record = await records.get(body.entity, body.recordId).catch(() => undefined);
        if (record !== undefined && !accessOf(r).canRecord('update', record)) {
          // Out of the read scope it is as unknown as a missing record (the service's 422).
          if (!accessOf(r).canRecord('read', record))
            throw new HttpError(
              422,
              'UNKNOWN_RECORD',
              `/recordId: no ${body.entity} ${body.recordId}`,
            );
          accessOf(r).checkRecord('update', record);
        }
        return { body: await records.event(body, whoOf(r)) };
      },
    },
    {
      method: 'post',
      path: '/api/tasks/:id/complete',
      permission: { action: 'update', subject: ':record' },
      tag: 'tasks',
      summary: 'Complete a task (fires task_completed)',
      params: { id: IdParam },
      responses: { 200: AnyObject, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => {
        const record = await records.recordOfTask(id(r));
        if (record !== undefined) accessOf(r).checkRecord('update', record);
        return { body: await records.completeTask(id(r), whoOf(r)) };
      },
    },
  );
  return routes;
}
