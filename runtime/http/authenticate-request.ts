import type { Request } from 'express';
import type { Authenticated } from '../identity/authenticated.js';
import type { Identity } from '../identity/identity.js';
import type { ClientInfo } from '../identity/session-service.js';
import { checkOrigin } from './check-origin.js';
import { HttpError } from './http-error.js';
import type { RouteDef } from './route.js';
import { sessionCookieOf } from './session-cookie.js';

/** Decides, before a route validates anything, whether its caller may go on. */
export type RouteGate = (req: Request, def: RouteDef) => Promise<Authenticated | undefined>;

export function clientInfo(req: Request): ClientInfo {
  const ua = req.headers['user-agent'];
  return {
    ...(req.ip === undefined ? {} : { address: req.ip }),
    ...(ua === undefined ? {} : { userAgent: ua }),
  };
}

/**
 * Until an owner exists only `open: 'always'` routes answer (401 `SETUP_REQUIRED`);
 * after, every route but the open ones needs a session cookie or an API token (401
 * `UNAUTHENTICATED`). Cookie-borne changes must come from the server's own origin (403
 * `CROSS_SITE`).
 */
export function requestGate(identity: Identity, allowedOrigins: readonly string[]): RouteGate {
  return async (req, def) => {
    checkOrigin(req, allowedOrigins);
    if (def.open === 'always') return undefined;
    if (await identity.setup.needed())
      throw new HttpError(
        401,
        'SETUP_REQUIRED',
        'no owner account yet: open the setup link the server printed at start (or set OWNER_EMAIL and OWNER_PASSWORD)',
      );
    if (def.open === 'after-setup') return undefined;
    const authorization = req.headers.authorization;
    let auth: Authenticated | undefined;
    if (authorization !== undefined) {
      const m = /^bearer\s+(\S+)\s*$/i.exec(authorization);
      auth = m?.[1] === undefined ? undefined : await identity.tokens.authenticate(m[1]);
      if (auth === undefined)
        throw new HttpError(
          401,
          'UNAUTHENTICATED',
          'the Authorization header does not hold a valid API token (Bearer cvy_...)',
        );
      return auth;
    }
    const secret = sessionCookieOf(req.headers.cookie);
    if (secret !== undefined) auth = await identity.sessions.authenticate(secret, clientInfo(req));
    if (auth === undefined)
      throw new HttpError(
        401,
        'UNAUTHENTICATED',
        secret === undefined
          ? 'sign in first (POST /api/auth/sign-in) or send Authorization: Bearer <API token>'
          : 'the session has ended: sign in again',
      );
    return auth;
  };
}
