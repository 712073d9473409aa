import type { Authenticated } from '../../identity/authenticated.js';
import { managesAccounts } from '../../identity/built-in-roles.js';
import { HttpError } from '../http-error.js';
import type { RouteRequest } from '../route.js';
import { authOf } from './auth-routes.js';

/**
 * TEMPORARY gate of the audit log and recycle bin routes: the owner and administrators
 * only. The permission matrix (`access`, issue 12) replaces this one function with the
 * route's `permission` (audit: view/export; recycleBin: view/restore/purge).
 */
export function requireOwnerOrAdministrator(r: RouteRequest, action: string): Authenticated {
  const auth = authOf(r);
  if (!managesAccounts(auth.actor.role))
    throw new HttpError(403, 'FORBIDDEN', `${auth.actor.role} may not ${action}`);
  return auth;
}
