import { entityOfPath } from '../../services/entity-paths.js';
import type { RuntimeCore } from '../../services/runtime-core.js';
import { WhyService } from '../../services/why-service.js';
import type { RouteDef } from '../route.js';
import { RecordParams } from '../schemas/path-params.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { WhyAnswer, WhyQuery } from '../../../schemas/api/why-schemas.js';

/** "Why didn't it run?" for a robot or trigger of a record. */
export function whyRoutes(core: RuntimeCore): RouteDef[] {
  const why = new WhyService(core);
  return [
    {
      method: 'get',
      path: '/api/records/:entity/:id/why',
      tag: 'records',
      summary:
        "Why a robot or trigger of the record's model ran or did not (?rule=<rule id>): one line from the timeline, the pending timers and the live rule",
      params: RecordParams,
      query: WhyQuery,
      responses: { 200: WhyAnswer, 400: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      permission: { action: 'read', subject: ':entity' },
      handle: async (r) => ({
        body: await why.why(
          entityOfPath(r.params.entity ?? ''),
          r.params.id ?? '',
          String(r.query.rule ?? ''),
        ),
      }),
    },
  ];
}
