import type { DeliveryService, OutboxFilter } from '../../services/delivery-service.js';
import type { RouteDef } from '../route.js';
import { whoOf } from '../who-of.js';
import { filterOf, pageRequest } from '../page-request.js';
import { ErrorBody, Page, PageQuery } from '../schemas/api-schemas.js';
import { IdParam } from '../schemas/path-params.js';
import { OutboxItem, OutboxQuery } from '../schemas/delivery-schemas.js';

/** The outbox across records, dead letters and their replay. */
export function deliveryRoutes(delivery: DeliveryService): RouteDef[] {
  const tag = 'delivery';
  return [
    {
      method: 'get',
      path: '/api/outbox',
      permission: { action: 'read', subject: ':every-record' },
      tag,
      summary:
        'A page of outgoing items of every record, oldest first (filters: status, kind, recordId; limit, cursor)',
      query: OutboxQuery,
      responses: { 200: Page(OutboxItem), 400: ErrorBody },
      handle: async (r) => ({
        body: await delivery.outbox(filterOf(r.query) as OutboxFilter, pageRequest(r.query)),
      }),
    },
    {
      method: 'get',
      path: '/api/dead-letters',
      permission: { action: 'read', subject: ':every-record' },
      tag,
      summary: 'A page of deliveries that ran out of attempts or were refused, oldest first',
      query: PageQuery,
      responses: { 200: Page(OutboxItem), 400: ErrorBody },
      handle: async (r) => ({ body: await delivery.deadLetters(pageRequest(r.query)) }),
    },
    {
      method: 'post',
      path: '/api/dead-letters/:id/replay',
      permission: { action: 'publish', subject: 'automation' },
      tag,
      summary: 'Try a dead letter again with fresh attempts (same idempotency key)',
      params: { id: IdParam },
      responses: { 200: OutboxItem, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({ body: await delivery.replay(r.params.id ?? '', whoOf(r)) }),
    },
    {
      method: 'delete',
      path: '/api/dead-letters/:id',
      permission: { action: 'publish', subject: 'automation' },
      tag,
      summary:
        'Drop a dead letter for good (deleted; a timeline entry and an audit entry say who dropped it; 409 for an item that is not dead)',
      params: { id: IdParam },
      responses: { 200: OutboxItem, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({ body: await delivery.drop(r.params.id ?? '', whoOf(r)) }),
    },
  ];
}
