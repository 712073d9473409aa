import { Type } from '@sinclair/typebox';
import type { HookService } from '../../services/hook-service.js';
import type { RouteDef } from '../route.js';
import { whoOf } from '../who-of.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { IdParam, KeyParam } from '../schemas/path-params.js';
import { HookFireBody, HookFireResult, HookInfo } from '../schemas/delivery-schemas.js';

/** Inbound webhooks: each inbound_webhook trigger's secret URL, and calling it. */
export function hookRoutes(hooks: HookService): RouteDef[] {
  return [
    {
      method: 'get',
      path: '/api/models/:id/hooks',
      permission: { action: 'view', subject: 'hookSecret' },
      tag: 'models',
      summary: "URLs of the published model's inbound_webhook triggers (they hold the secret)",
      params: { id: KeyParam },
      responses: { 200: Type.Array(HookInfo), 404: ErrorBody },
      handle: async (r) => ({ body: await hooks.list(r.params.id ?? '') }),
    },
    {
      method: 'post',
      path: '/api/models/:id/hooks/:trigger/regenerate',
      permission: { action: 'publish', subject: 'automation' },
      tag: 'models',
      summary:
        'Give an inbound_webhook trigger a new secret URL (the old one answers 401 from now on; audited without the secret)',
      params: { id: KeyParam, trigger: KeyParam },
      responses: { 200: HookInfo, 404: ErrorBody },
      handle: async (r) => ({
        body: await hooks.regenerate(r.params.id ?? '', r.params.trigger ?? '', whoOf(r)),
      }),
    },
    {
      method: 'post',
      path: '/api/hooks/:token',
      tag: 'hooks',
      summary: "Fire the token's trigger for a record ($event in its condition is the payload)",
      // The token in the path is the caller's credential.
      open: 'after-setup',
      params: { token: IdParam },
      body: HookFireBody,
      responses: {
        200: HookFireResult,
        400: ErrorBody,
        401: ErrorBody,
        410: ErrorBody,
        422: ErrorBody,
      },
      handle: async (r) => ({
        body: await hooks.fire(r.params.token ?? '', r.body as never, r.address),
      }),
    },
  ];
}
