import type { Who } from '../domain/who.js';
import type { RouteRequest } from './route.js';

/**
 * The request's actor and client address, handed to the services so the change's audit
 * entry names them. An open route's caller has no actor: the service names one (the
 * account signing in, the trigger of a hook).
 */
export function whoOf(r: RouteRequest): Who | undefined {
  if (r.actor === undefined) return undefined;
  return { actor: r.actor, ...(r.address === '' ? {} : { address: r.address }) };
}
