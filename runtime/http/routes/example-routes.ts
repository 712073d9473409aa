import { Type } from '@sinclair/typebox';
import type { ExampleService } from '../../services/example-service.js';
import type { RouteDef } from '../route.js';
import { ErrorBody, ModelWithDiagnostics } from '../schemas/api-schemas.js';
import { ExampleSummary } from '../../../schemas/api/example-schemas.js';
import { SlugParam } from '../schemas/path-params.js';

const tag = 'examples';

/** The examples gallery: read-only list, and copy into an editable draft. */
export function exampleRoutes(examples: ExampleService): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/examples',
      permission: { action: 'view', subject: 'automation' },
      tag,
      summary: 'Example models (one per scenario) with a sentence in English and Russian',
      responses: { 200: Type.Array(ExampleSummary) },
      handle: async () => ({ body: await examples.list() }),
    },
    {
      method: 'post',
      path: '/api/examples/:slug/copy',
      permission: { action: 'editDrafts', subject: 'automation' },
      tag,
      summary: 'Copy an example into a new draft with a fresh id',
      params: { slug: SlugParam },
      responses: { 201: ModelWithDiagnostics, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({
        status: 201,
        body: await examples.copy(r.params.slug ?? '', r.actor, r.address),
      }),
    },
  ];
}
