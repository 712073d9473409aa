import type { Actor } from '../domain/actor.js';
import type { AccountDoc } from '../domain/security-types.js';

/** Who a request comes from once its cookie or token checked out. */
export interface Authenticated {
  account: AccountDoc;
  /** A person (cookie) or a token acting with its own role. */
  actor: Extract<Actor, { kind: 'person' } | { kind: 'token' }>;
  via: 'session' | 'token';
  /** The session's key (SHA-256 of the cookie), when signed in with a cookie. */
  sessionId?: string;
}

/** What an account looks like in answers: never its password hash. */
export interface PublicAccount {
  id: string;
  email: string;
  name: string;
  userId: string;
  role: string;
  active: boolean;
  language?: 'en' | 'ru';
  createdAt: string;
  updatedAt: string;
}

export function publicAccount(a: AccountDoc): PublicAccount {
  return {
    id: a.id,
    email: a.email,
    name: a.name,
    userId: a.userId,
    role: a.role,
    active: a.active,
    ...(a.language === undefined ? {} : { language: a.language }),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  };
}

/** The actor of a person signed in with this account. */
export function personActor(a: AccountDoc): Authenticated['actor'] {
  return { kind: 'person', accountId: a.id, userId: a.userId, name: a.name, role: a.role };
}

/**
 * How an actor is named in `publishedBy`, `updatedBy` and messages: a person by name, a
 * token by its name, a robot by its rule.
 *
 * @example actorLabel({ kind: 'system', name: 'seed' }) // 'seed'
 */
export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case 'person':
      return actor.name;
    case 'token':
      return `token ${actor.name}`;
    case 'robot':
      return `robot ${actor.ruleName ?? actor.ruleId} (${actor.modelId} v${actor.version})`;
    case 'system':
      return actor.name;
  }
}
