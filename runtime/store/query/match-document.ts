import { actorIdOf } from '../../domain/actor-id.js';
import type { CollectionFilters } from '../../domain/collection-filters.js';
import type { CollectionName, CollectionTypes } from '../../domain/collections.js';

const oneOf = (want: string | readonly string[], have: unknown): boolean =>
  typeof want === 'string' ? have === want : want.includes(have as string);

type Matchers = {
  [C in CollectionName]: (doc: CollectionTypes[C], f: CollectionFilters[C]) => boolean;
};

const all = (): boolean => true;

/** Each collection's filter (see `CollectionFilters`), as the memory store applies it. */
const MATCHERS: Matchers = {
  records: (d, f) => f.entity === undefined || d.entity === f.entity,
  models: all,
  versions: (d, f) => f.modelId === undefined || d.modelId === f.modelId,
  timeline: (d, f) =>
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.kind === undefined || oneOf(f.kind, d.kind)) &&
    (f.since === undefined || d.at >= f.since) &&
    (f.until === undefined || d.at < f.until),
  tasks: (d, f) =>
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.status === undefined || d.status === f.status) &&
    (f.assignee === undefined || d.assignee === f.assignee),
  notifications: (d, f) =>
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.recipient === undefined || d.recipient === f.recipient),
  outbox: (d, f) =>
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.status === undefined || oneOf(f.status, d.status ?? 'kept')) &&
    (f.kind === undefined || d.kind === f.kind),
  timers: (d, f) =>
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.entity === undefined || d.entity === f.entity) &&
    (f.modelId === undefined || d.modelId === f.modelId) &&
    (f.state === undefined || (f.state === 'failed') === (d.status === 'failed')) &&
    (f.inFlight === undefined || (d.inFlight ?? 0) > 0 === f.inFlight) &&
    (f.dueAfter === undefined || d.dueAt >= f.dueAfter) &&
    (f.dueBefore === undefined || d.dueAt <= f.dueBefore),
  users: all,
  departments: all,
  queues: all,
  queuePositions: all,
  effects: all,
  documents: (d, f) =>
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.template === undefined || d.template === f.template) &&
    (f.register === undefined || d.register === f.register),
  hookTokens: (d, f) => f.modelId === undefined || d.modelId === f.modelId,
  accounts: (d, f) =>
    (f.userId === undefined || d.userId === f.userId) &&
    (f.active === undefined || d.active === f.active),
  sessions: (d, f) =>
    (f.accountId === undefined || d.accountId === f.accountId) &&
    (f.expiresBefore === undefined || d.expiresAt < f.expiresBefore),
  apiTokens: (d, f) => f.accountId === undefined || d.accountId === f.accountId,
  roles: all,
  audit: (d, f) =>
    (f.actor === undefined || actorIdOf(d.actor) === f.actor) &&
    (f.kind === undefined || oneOf(f.kind, d.kind)) &&
    (f.entity === undefined || d.entity === f.entity) &&
    (f.recordId === undefined || d.recordId === f.recordId) &&
    (f.target === undefined || d.target === f.target) &&
    (f.since === undefined || d.at >= f.since) &&
    (f.until === undefined || d.at < f.until),
  recycleBin: (d, f) =>
    (f.entity === undefined || d.entity === f.entity) &&
    (f.purgeBefore === undefined || d.purgeAfter < f.purgeBefore),
  settings: all,
};

/** Whether a document of `c` meets `filter`. */
export function matchDocument<C extends CollectionName>(
  c: C,
  doc: CollectionTypes[C],
  filter: CollectionFilters[C],
): boolean {
  return (MATCHERS[c] as (d: CollectionTypes[C], f: CollectionFilters[C]) => boolean)(doc, filter);
}
