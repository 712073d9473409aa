import { Type } from '@sinclair/typebox';
import { ENTITY_PATHS, type EntityPath } from '../../services/record-service.js';
import type { ImportRequest, ImportService } from '../../services/import-service.js';
import { HttpError } from '../http-error.js';
import type { RouteDef } from '../route.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { ImportBody, ImportResult } from '../schemas/import-schemas.js';

const ENTITY = Type.Union(Object.keys(ENTITY_PATHS).map((k) => Type.Literal(k)));

/** Bulk import with duplicate control: `POST /api/records/:entity/import`. */
export function importRoutes(imports: ImportService): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/api/records/:entity/import',
      tag: 'records',
      summary:
        'Import records into a stage under duplicate control; bad rows are reported by index and path, the others are created',
      params: { entity: ENTITY },
      body: ImportBody,
      responses: { 200: ImportResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const entity = ENTITY_PATHS[r.params.entity as EntityPath];
        if (entity === undefined)
          throw new HttpError(404, 'NOT_FOUND', `no record collection ${r.params.entity ?? ''}`);
        return { body: await imports.import(entity, r.body as ImportRequest) };
      },
    },
  ];
}
