import { Type } from '@sinclair/typebox';
import {
  AccountAnswer,
  MeAnswer,
  PasswordChangeBody,
  SessionList,
  SetupBody,
  SetupStatus,
  SignInBody,
} from '../../../schemas/api/identity-schemas.js';
import type { Authenticated } from '../../identity/authenticated.js';
import { publicAccount } from '../../identity/authenticated.js';
import type { Identity } from '../../identity/identity.js';
import { verifyPassword } from '../../identity/password-hash.js';
import { HttpError } from '../http-error.js';
import type { RouteDef, RouteRequest } from '../route.js';
import { whoOf } from '../who-of.js';
import { ErrorBody } from '../schemas/api-schemas.js';

/** The caller of a route that needs credentials (the gate guarantees one). */
export function authOf(r: RouteRequest): Authenticated {
  if (r.auth === undefined) throw new HttpError(401, 'UNAUTHENTICATED', 'sign in first');
  return r.auth;
}

/** A session cookie's own routes refuse token callers (a token has no session to act on). */
function sessionOf(r: RouteRequest): Authenticated & { sessionId: string } {
  const auth = authOf(r);
  if (auth.sessionId === undefined)
    throw new HttpError(
      400,
      'NOT_A_SESSION',
      'this route acts on a signed-in session, not an API token',
    );
  return auth as Authenticated & { sessionId: string };
}

const client = (r: RouteRequest) => ({
  address: r.address,
  ...(r.headers['user-agent'] === undefined ? {} : { userAgent: r.headers['user-agent'] }),
});

/** Owner setup, sign-in and out, the caller's own account and sessions. */
export function authRoutes(identity: Identity): RouteDef[] {
  const tag = 'auth';
  const HandleParam = Type.String({ pattern: '^[0-9a-f]{16}$' });
  return [
    {
      method: 'get',
      path: '/api/auth/setup',
      tag,
      summary: 'Whether the owner account is still to be created',
      open: 'always',
      responses: { 200: SetupStatus },
      handle: async () => ({ body: { needed: await identity.setup.needed() } }),
    },
    {
      method: 'post',
      path: '/api/auth/setup',
      tag,
      summary: 'Create the owner with the one-time setup token (signs in)',
      open: 'always',
      body: SetupBody,
      responses: { 201: AccountAnswer, 403: ErrorBody, 410: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const { token, email, password, name } = r.body as {
          token: string;
          email: string;
          password: string;
          name: string;
        };
        const account = await identity.setup.complete(
          token,
          { email, password, name },
          r.address === '' ? undefined : r.address,
        );
        const secret = await identity.sessions.open(account, client(r));
        return {
          status: 201,
          body: { account: publicAccount(account) },
          sessionCookie: { value: secret },
        };
      },
    },
    {
      method: 'post',
      path: '/api/auth/sign-in',
      tag,
      summary: 'Sign in with email and password (sets the session cookie)',
      open: 'after-setup',
      body: SignInBody,
      responses: { 200: AccountAnswer, 401: ErrorBody },
      handle: async (r) => {
        const { email, password } = r.body as { email: string; password: string };
        const { account, secret } = await identity.sessions.signIn(email, password, client(r));
        return { body: { account: publicAccount(account) }, sessionCookie: { value: secret } };
      },
    },
    {
      method: 'post',
      path: '/api/auth/sign-out',
      permission: 'signed-in',
      tag,
      summary: 'End this session (clears the cookie)',
      responses: { 204: undefined },
      handle: async (r) => {
        const auth = authOf(r);
        if (auth.sessionId !== undefined) await identity.sessions.signOut(auth.sessionId, whoOf(r));
        return { status: 204, sessionCookie: { value: null } };
      },
    },
    {
      method: 'get',
      path: '/api/auth/me',
      permission: 'signed-in',
      tag,
      summary: 'The signed-in account, how it acts, and what it may do',
      responses: { 200: MeAnswer },
      handle: async (r) => {
        const { account, actor } = authOf(r);
        const permissions = r.access?.permissions;
        return {
          body: {
            account: {
              id: account.id,
              email: account.email,
              name: account.name,
              userId: account.userId,
              role: actor.role,
              ...(account.language === undefined ? {} : { language: account.language }),
            },
            actor,
            permissions,
          },
        };
      },
    },
    {
      method: 'post',
      path: '/api/auth/password',
      permission: 'signed-in',
      tag,
      summary: 'Change your password (ends your other sessions)',
      body: PasswordChangeBody,
      responses: { 204: undefined, 403: ErrorBody, 422: ErrorBody },
      handle: async (r) => {
        const auth = sessionOf(r);
        const { currentPassword, newPassword } = r.body as {
          currentPassword: string;
          newPassword: string;
        };
        if (!(await verifyPassword(auth.account.passwordHash, currentPassword)))
          throw new HttpError(403, 'WRONG_PASSWORD', '/currentPassword: not your current password');
        await identity.accounts.setPassword(auth.account.id, newPassword, auth.sessionId, whoOf(r));
        return { status: 204 };
      },
    },
    {
      method: 'get',
      path: '/api/auth/sessions',
      permission: 'signed-in',
      tag,
      summary: 'Your sessions',
      responses: { 200: SessionList },
      handle: async (r) => {
        const auth = authOf(r);
        return {
          body: {
            items: await identity.sessions.list(auth.account.id, auth.sessionId),
            nextCursor: null,
          },
        };
      },
    },
    {
      method: 'delete',
      path: '/api/auth/sessions/:id',
      permission: 'signed-in',
      tag,
      summary: 'End one of your sessions',
      params: { id: HandleParam },
      responses: { 204: undefined, 404: ErrorBody },
      handle: async (r) => {
        await identity.sessions.revoke(authOf(r).account.id, r.params.id ?? '', whoOf(r));
        return { status: 204 };
      },
    },
  ];
}
