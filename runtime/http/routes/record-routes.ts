import { Type } from '@sinclair/typebox';
import { entityOfPath } from '../../services/entity-paths.js';
import type { RecordService } from '../../services/record-service.js';
import type { RouteDef, RouteRequest } from '../route.js';
import { EntityParam, IdParam, RecordParams } from '../schemas/path-params.js';
import {
  AnyList,
  AnyObject,
  ErrorBody,
  EventBody,
  EventResult,
  LinkBody,
  MoveBody,
  RecordBody,
  RecordCreateBody,
  RecordPatchBody,
  RecordQuery,
} from '../schemas/api-schemas.js';

const params = RecordParams;
const entity = (r: RouteRequest) => entityOfPath(r.params.entity ?? '');

/** Records, moves, links, per-record logs, external events and tasks. */
export function recordRoutes(records: RecordService): RouteDef[] {
  const tag = 'records';
  const id = (r: RouteRequest): string => r.params.id ?? '';
  const routes: RouteDef[] = [
    {
      method: 'get',
      path: '/api/records/:entity',
      tag,
      summary: 'List records (filters: pipeline, stage, responsible)',
      params: { entity: EntityParam },
      query: RecordQuery,
      responses: { 200: Type.Array(RecordBody), 404: ErrorBody },
      handle: async (r) => ({
        body: await records.list(entity(r), r.query as Record<string, string>),
      }),
    },
    {
      method: 'post',
      path: '/api/records/:entity',
      tag,
      summary: 'Create a record (its stage robots run)',
      params: { entity: EntityParam },
      body: RecordCreateBody,
      responses: { 201: RecordBody, 400: ErrorBody, 422: ErrorBody },
      handle: async (r) => ({
        status: 201,
        body: await records.create(entity(r), r.body as never),
      }),
    },
    {
      method: 'get',
      path: '/api/records/:entity/:id',
      tag,
      summary: 'One record',
      params,
      responses: { 200: RecordBody, 404: ErrorBody },
      handle: async (r) => ({ body: await records.get(entity(r), id(r)) }),
    },
    {
      method: 'patch',
      path: '/api/records/:entity/:id',
      tag,
      summary: 'Change fields (null clears; triggers field_changed)',
      params,
      body: RecordPatchBody,
      responses: { 200: RecordBody, 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => ({
        body: await records.patch(
          entity(r),
          id(r),
          (r.body as { fields: Record<string, unknown> }).fields,
        ),
      }),
    },
    {
      method: 'delete',
      path: '/api/records/:entity/:id',
      tag,
      summary: 'Delete a record',
      params,
      responses: { 204: undefined, 404: ErrorBody },
      handle: async (r) => {
        await records.remove(entity(r), id(r));
        return { status: 204 };
      },
    },
    {
      method: 'post',
      path: '/api/records/:entity/:id/move',
      tag,
      summary: 'Move to a stage (422 naming missing required fields)',
      params,
      body: MoveBody,
      responses: {
        200: RecordBody,
        400: ErrorBody,
        404: ErrorBody,
        409: ErrorBody,
        422: ErrorBody,
      },
      handle: async (r) => ({ body: await records.move(entity(r), id(r), r.body as never) }),
    },
    {
      method: 'post',
      path: '/api/records/:entity/:id/links',
      tag,
      summary: 'Link another record (both ways)',
      params,
      body: LinkBody,
      responses: { 200: RecordBody, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      handle: async (r) => ({ body: await records.link(entity(r), id(r), r.body as never) }),
    },
  ];
  for (const what of ['timeline', 'tasks', 'notifications', 'outbox'] as const) {
    routes.push({
      method: 'get',
      path: `/api/records/:entity/:id/${what}`,
      tag,
      summary: `The record's ${what}`,
      params,
      responses: { 200: AnyList, 404: ErrorBody },
      handle: async (r) => ({ body: await records.recordScoped(entity(r), id(r), what) }),
    });
  }
  routes.push(
    {
      method: 'post',
      path: '/api/events',
      tag: 'events',
      summary: 'An external event about a record (message, payment, call...)',
      body: EventBody,
      responses: { 200: EventResult, 400: ErrorBody, 422: ErrorBody },
      handle: async (r) => ({ body: await records.event(r.body as never) }),
    },
    {
      method: 'post',
      path: '/api/tasks/:id/complete',
      tag: 'tasks',
      summary: 'Complete a task (fires task_completed)',
      params: { id: IdParam },
      responses: { 200: AnyObject, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({ body: await records.completeTask(id(r)) }),
    },
  );
  return routes;
}
