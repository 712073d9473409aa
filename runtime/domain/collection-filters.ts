import type { EntityType } from '../../schemas/index.js';
import type { CollectionName } from './collections.js';
import type { DeliveryStatus } from './outbox.js';

type OneOrMany<T> = T | readonly T[];

/**
 * What `Store.query` can filter each collection by (every condition must hold), and in
 * which order it returns them (`SORT_KEYS`, ties by key). These are the conditions the
 * routes and services need, shaped so a database answers them from indexed columns.
 */
export interface CollectionFilters {
  records: { entity?: EntityType };
  models: Record<string, never>;
  versions: { modelId?: string };
  timeline: { recordId?: string; kind?: OneOrMany<string>; since?: string; until?: string };
  tasks: { recordId?: string; status?: 'open' | 'done'; assignee?: string };
  notifications: { recordId?: string; recipient?: string };
  /** Items stored before delivery existed have no status: they count as `kept`. */
  outbox: { recordId?: string; status?: OneOrMany<DeliveryStatus>; kind?: string };
  timers: {
    recordId?: string;
    entity?: EntityType;
    modelId?: string;
    /** `pending`: not parked; `failed`: parked. */
    state?: 'pending' | 'failed';
    /** Only timers with an in-flight mark (runs started and not finished). */
    inFlight?: boolean;
    /** `dueAt` at or after this ISO time. */
    dueAfter?: string;
    /** `dueAt` at or before this ISO time. */
    dueBefore?: string;
  };
  users: Record<string, never>;
  departments: Record<string, never>;
  queues: Record<string, never>;
  queuePositions: Record<string, never>;
  effects: Record<string, never>;
  documents: { recordId?: string; template?: string; register?: string };
  hookTokens: { modelId?: string };
  accounts: { userId?: string; active?: boolean };
  sessions: { accountId?: string; expiresBefore?: string };
  apiTokens: { accountId?: string };
  roles: Record<string, never>;
  audit: {
    /** `actorIdOf(entry.actor)`: account id, token id, `<modelId>/<ruleId>` or system name. */
    actor?: string;
    kind?: OneOrMany<string>;
    entity?: EntityType;
    recordId?: string;
    target?: string;
    since?: string;
    until?: string;
  };
  recycleBin: { entity?: EntityType; purgeBefore?: string };
  settings: Record<string, never>;
}

/**
 * The order of each collection's query results (before the key, the tie-breaker):
 * time order for histories, due order for timers, creation order for the rest.
 * Histories tie on `at` within a run and across runs under one clock reading; their
 * ids are time-sortable (`createIdGenerator`), so the key keeps the order they were
 * written in (`seq` restarts with each run and cannot).
 */
export const SORT_KEYS: { readonly [C in CollectionName]: readonly string[] } = {
  records: ['createdAt'],
  models: [],
  versions: ['modelId', 'version'],
  timeline: ['at'],
  tasks: ['createdAt'],
  notifications: ['createdAt'],
  outbox: ['createdAt'],
  timers: ['dueAt'],
  users: [],
  departments: [],
  queues: [],
  queuePositions: [],
  effects: [],
  documents: ['createdAt'],
  hookTokens: [],
  accounts: ['createdAt'],
  sessions: ['createdAt'],
  apiTokens: ['createdAt'],
  roles: [],
  audit: ['at'],
  recycleBin: ['deletedAt'],
  settings: [],
};
