import type { Actor } from './actor.js';

/**
 * Who makes a change and from where: the request's actor and client address, handed by
 * the routes to the services and on to the unit of work, so the audit entry and the
 * timeline entries of that change name them.
 */
export interface Who {
  actor: Actor;
  address?: string;
}

/** The server itself (start-up, retention, seeding): changes it makes name it. */
export const SERVER_WHO: Who = { actor: { kind: 'system', name: 'server' } };
