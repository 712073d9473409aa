import { Type } from '@sinclair/typebox';
import type { DeliveryService, OutboxFilter } from '../../services/delivery-service.js';
import type { RouteDef } from '../route.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { IdParam } from '../schemas/path-params.js';
import { OutboxItem, OutboxQuery } from '../schemas/delivery-schemas.js';

/** The outbox across records, dead letters and their replay. */
export function deliveryRoutes(delivery: DeliveryService): RouteDef[] {
  const tag = 'delivery';
  return [
    {
      method: 'get',
      path: '/api/outbox',
      tag,
      summary: 'Outgoing items of every record (filters: status, kind, recordId)',
      query: OutboxQuery,
      responses: { 200: Type.Array(OutboxItem), 400: ErrorBody },
      handle: async (r) => ({ body: await delivery.outbox(r.query as OutboxFilter) }),
    },
    {
      method: 'get',
      path: '/api/dead-letters',
      tag,
      summary: 'Deliveries that ran out of attempts or were refused',
      responses: { 200: Type.Array(OutboxItem) },
      handle: async () => ({ body: await delivery.deadLetters() }),
    },
    {
      method: 'post',
      path: '/api/dead-letters/:id/replay',
      tag,
      summary: 'Try a dead letter again with fresh attempts (same idempotency key)',
      params: { id: IdParam },
      responses: { 200: OutboxItem, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({ body: await delivery.replay(r.params.id ?? '') }),
    },
  ];
}
