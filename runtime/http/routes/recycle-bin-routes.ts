import { Type } from '@sinclair/typebox';
import { ENTITY_TYPES, type EntityType } from '../../../schemas/index.js';
import { RecycleBinItem, RecycleBinQuery } from '../../../schemas/api/audit-schemas.js';
import { ENTITY_PATH_NAMES, entityOfPath } from '../../services/entity-paths.js';
import type { RecycleBinService } from '../../services/recycle-bin-service.js';
import { pageRequest } from '../page-request.js';
import type { RouteDef, RouteRequest } from '../route.js';
import { ErrorBody, Page, RecordBody } from '../schemas/api-schemas.js';
import { IdParam } from '../schemas/path-params.js';
import { whoOf } from '../who-of.js';

/** `:entity` of the bin's routes: the entity as its items name it (`deal`) or its collection (`deals`). */
const BinEntityParam = Type.Union(
  [...ENTITY_TYPES, ...ENTITY_PATH_NAMES].map((e) => Type.Literal(e)),
  { description: 'The entity (`deal`) or its record collection (`deals`)' },
);

const entityOf = (r: RouteRequest): EntityType => {
  const e = r.params.entity ?? '';
  return (ENTITY_TYPES as readonly string[]).includes(e) ? (e as EntityType) : entityOfPath(e);
};

/** The recycle bin: deleted records, restored or purged. */
export function recycleBinRoutes(bin: RecycleBinService): RouteDef[] {
  const tag = 'recycle-bin';
  const params = { entity: BinEntityParam, id: IdParam };
  return [
    {
      method: 'get',
      path: '/api/recycle-bin',
      tag,
      summary: 'A page of deleted records, newest deletion first (filter: entity)',
      query: RecycleBinQuery,
      responses: { 200: Page(RecycleBinItem), 400: ErrorBody, 403: ErrorBody },
      permission: { action: 'view', subject: 'recycleBin' },
      handle: async (r) => {
        const entity = r.query.entity as EntityType | undefined;
        return { body: await bin.list(entity, pageRequest(r.query)) };
      },
    },
    {
      method: 'post',
      path: '/api/recycle-bin/:entity/:id/restore',
      tag,
      summary: 'Restore a deleted record with its links, timeline, tasks and timers',
      params,
      responses: { 200: RecordBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      permission: { action: 'restore', subject: 'recycleBin' },
      handle: async (r) => {
        return { body: await bin.restore(entityOf(r), r.params.id ?? '', whoOf(r)) };
      },
    },
    {
      method: 'delete',
      path: '/api/recycle-bin/:entity/:id',
      tag,
      summary: 'Purge a deleted record: it and its timeline are erased',
      params,
      responses: { 204: undefined, 403: ErrorBody, 404: ErrorBody },
      permission: { action: 'purge', subject: 'recycleBin' },
      handle: async (r) => {
        await bin.purge(entityOf(r), r.params.id ?? '', whoOf(r));
        return { status: 204 };
      },
    },
  ];
}
