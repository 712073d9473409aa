import { Type } from '@sinclair/typebox';
import {
  AccountAnswer,
  AccountCreateBody,
  AccountList,
  AccountPatchBody,
  PasswordResetBody,
} from '../../../schemas/api/identity-schemas.js';
import type { AccountPatch, NewAccount } from '../../identity/account-service.js';
import { publicAccount } from '../../identity/authenticated.js';
import type { Identity } from '../../identity/identity.js';
import { HttpError } from '../http-error.js';
import type { RouteDef } from '../route.js';
import { whoOf } from '../who-of.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { authOf } from './auth-routes.js';

/** Accounts of the people who sign in. */
export function accountRoutes(identity: Identity): RouteDef[] {
  const tag = 'accounts';
  const id = { id: Type.String({ pattern: '^acc_[a-z0-9]{1,40}$' }) };
  return [
    {
      method: 'get',
      path: '/api/accounts',
      permission: { action: 'view', subject: 'account' },
      tag,
      summary: 'Accounts',
      responses: { 200: AccountList, 403: ErrorBody },
      handle: async () => ({
        body: { items: await identity.accounts.list(), nextCursor: null },
      }),
    },
    {
      method: 'post',
      path: '/api/accounts',
      permission: { action: 'manage', subject: 'account' },
      tag,
      summary: 'Create an account (and its directory user when userId is absent)',
      body: AccountCreateBody,
      responses: { 201: AccountAnswer, 403: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const account = await identity.accounts.create(
          r.body as NewAccount,
          authOf(r),
          undefined,
          whoOf(r),
        );
        return { status: 201, body: { account: publicAccount(account) } };
      },
    },
    {
      method: 'patch',
      path: '/api/accounts/:id',
      permission: { action: 'manage', subject: 'account' },
      tag,
      summary: 'Change role, name or active (deactivating ends its sessions and tokens)',
      params: id,
      body: AccountPatchBody,
      responses: { 200: AccountAnswer, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => {
        const account = await identity.accounts.update(
          r.params.id ?? '',
          r.body as AccountPatch,
          authOf(r),
          whoOf(r),
        );
        return { body: { account: publicAccount(account) } };
      },
    },
    {
      method: 'post',
      path: '/api/accounts/:id/password',
      permission: { action: 'manage', subject: 'account' },
      tag,
      summary: "Reset an account's password (ends all its sessions)",
      params: id,
      body: PasswordResetBody,
      responses: { 204: undefined, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const by = authOf(r);
        const target = await identity.accounts.get(r.params.id ?? '');
        if (target.role === 'owner' && by.actor.role !== 'owner')
          throw new HttpError(
            403,
            'OWNER_PROTECTED',
            "only the owner may reset the owner's password",
          );
        await identity.accounts.setPassword(
          target.id,
          (r.body as { newPassword: string }).newPassword,
          undefined,
          whoOf(r),
          'account.password_reset',
        );
        return { status: 204 };
      },
    },
  ];
}
