import { entityOfPath } from '../../services/entity-paths.js';
import type { RuntimeCore } from '../../services/runtime-core.js';
import { TimerService } from '../../services/timer-service.js';
import type { RouteDef } from '../route.js';
import { IdParam, RecordParams } from '../schemas/path-params.js';
import { filterOf, pageRequest } from '../page-request.js';
import { ErrorBody, Page, PageQuery } from '../schemas/api-schemas.js';
import { TimerBody, TimerQuery } from '../schemas/timer-schemas.js';
import { whoOf } from '../who-of.js';

/** Timers: overall (filterable), per record, retrying a parked one, cancelling one. */
export function timerRoutes(core: RuntimeCore): RouteDef[] {
  const timers = new TimerService(core);
  const tag = 'timers';
  return [
    {
      method: 'get',
      path: '/api/timers',
      permission: { action: 'read', subject: ':every-record' },
      tag,
      summary:
        'A page of timers, earliest first: pending ones and parked ones (`status: failed`) (filters: model, entity, status, dueAfter, dueBefore; limit, cursor)',
      query: TimerQuery,
      responses: { 200: Page(TimerBody), 400: ErrorBody },
      handle: async (r) => ({ body: await timers.list(filterOf(r.query), pageRequest(r.query)) }),
    },
    {
      method: 'get',
      path: '/api/records/:entity/:id/timers',
      permission: { action: 'read', subject: ':entity' },
      tag,
      summary: "A page of the record's pending timers, earliest first",
      params: RecordParams,
      query: PageQuery,
      responses: { 200: Page(TimerBody), 400: ErrorBody, 404: ErrorBody },
      handle: async (r) => ({
        body: await timers.forRecord(
          entityOfPath(r.params.entity ?? ''),
          r.params.id ?? '',
          pageRequest(r.query),
        ),
      }),
    },
    {
      method: 'post',
      path: '/api/timers/:id/retry',
      permission: { action: 'publish', subject: 'automation' },
      tag,
      summary:
        'Run a parked (failed) timer again now, attempts from zero (recorded in the record timeline)',
      params: { id: IdParam },
      responses: { 200: TimerBody, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({ body: await timers.retry(r.params.id ?? '', whoOf(r)) }),
    },
    {
      method: 'delete',
      path: '/api/timers/:id',
      permission: { action: 'publish', subject: 'automation' },
      tag,
      summary: 'Cancel a pending timer or drop a parked one (recorded in the record timeline)',
      params: { id: IdParam },
      responses: { 200: TimerBody, 404: ErrorBody },
      handle: async (r) => ({ body: await timers.cancel(r.params.id ?? '', whoOf(r)) }),
    },
  ];
}
