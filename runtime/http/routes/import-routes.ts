import { entityOfPath } from '../../services/entity-paths.js';
import type { ImportRequest, ImportService } from '../../services/import-service.js';
import type { RouteDef } from '../route.js';
import { whoOf } from '../who-of.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { EntityParam } from '../schemas/path-params.js';
import { ImportBody, ImportResult } from '../schemas/import-schemas.js';

/** Bulk import with duplicate control: `POST /api/records/:entity/import`. */
export function importRoutes(imports: ImportService): RouteDef[] {
  return [
    {
      method: 'post',
      path: '/api/records/:entity/import',
      permission: { action: 'import', subject: ':entity' },
      tag: 'records',
      summary:
        'Import records into a stage under duplicate control; bad rows are reported by index and path, the others are created',
      params: { entity: EntityParam },
      body: ImportBody,
      responses: { 200: ImportResult, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const entity = entityOfPath(r.params.entity ?? '');
        return { body: await imports.import(entity, r.body as ImportRequest, whoOf(r)) };
      },
    },
  ];
}
