import { Type } from '@sinclair/typebox';
import { TokenCreateBody, TokenCreated, TokenList } from '../../../schemas/api/identity-schemas.js';
import type { Identity } from '../../identity/identity.js';
import type { RouteDef } from '../route.js';
import { whoOf } from '../who-of.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { authOf } from './auth-routes.js';

/** API tokens: created (shown once), listed with last use, revoked. */
export function tokenRoutes(identity: Identity): RouteDef[] {
  const tag = 'tokens';
  return [
    {
      method: 'post',
      path: '/api/tokens',
      permission: { action: 'create', subject: 'token' },
      tag,
      summary: 'Create an API token (the token is in this answer only)',
      body: TokenCreateBody,
      responses: { 201: TokenCreated, 403: ErrorBody, 422: ErrorBody },
      handle: async (r) => ({
        status: 201,
        body: await identity.tokens.create(
          authOf(r),
          r.body as { name: string; role: string },
          whoOf(r),
        ),
      }),
    },
    {
      method: 'get',
      path: '/api/tokens',
      permission: { action: 'view', subject: 'token' },
      tag,
      summary: 'Your tokens (every token for those who manage accounts); never the token itself',
      responses: { 200: TokenList },
      handle: async (r) => ({
        body: { items: await identity.tokens.list(authOf(r)), nextCursor: null },
      }),
    },
    {
      method: 'delete',
      path: '/api/tokens/:id',
      permission: { action: 'revoke', subject: 'token' },
      tag,
      summary: 'Revoke a token',
      params: { id: Type.String({ pattern: '^[a-z0-9]{1,40}$' }) },
      responses: { 204: undefined, 404: ErrorBody },
      handle: async (r) => {
        await identity.tokens.revoke(authOf(r), r.params.id ?? '', whoOf(r));
        return { status: 204 };
      },
    },
  ];
}
