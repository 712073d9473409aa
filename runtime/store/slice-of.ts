import { recordIdOf } from './memory-store.js';
import type { CollectionName } from './store-types.js';

/** Big or fast-growing collections are spread over files so one write rewrites a slice. */
const SHARDS: Partial<Record<CollectionName, number>> = {
  records: 128,
  tasks: 8,
  notifications: 8,
  outbox: 8,
  effects: 16,
  documents: 8,
};

/**
 * Timers are filed by the hour they fall due (`timers/<hours since 1970>.json`): firing
 * and planning touch the files of the next hours, never the far-future bulk. The audit
 * log by the hour of its entries (`audit/<hours since 1970>.json`): it only grows, so a
 * checkpoint rewrites the current hour's file, never the whole log (one file held
 * 300,000 entries, 87 MB, rewritten at every checkpoint at 100,000 deals).
 */
const HOUR_MS = 3_600_000;

/** Hours since 1970 of an ISO time (0 when unreadable). */
function hourOf(iso: unknown): number {
  const t = typeof iso === 'string' ? Date.parse(iso) : NaN;
  return Number.isFinite(t) ? Math.max(0, Math.floor(t / HOUR_MS)) : 0;
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The slice a document lives in (`<collection>/<n>`, the file `<n>.json`): a hash of its
 * record (or its key) over the collection's slices; timers by the hour they fall due,
 * audit entries by the hour they were written.
 *
 * @example
 * sliceOf('users', 'ivanov', {}) // 'users/0'
 */
export function sliceOf(collection: CollectionName, key: string, value: unknown): string {
  if (collection === 'timers') return `timers/${hourOf((value as { dueAt?: unknown }).dueAt)}`;
  if (collection === 'audit') return `audit/${hourOf((value as { at?: unknown }).at)}`;
  const n = SHARDS[collection] ?? 1;
  if (n === 1) return `${collection}/0`;
  const basis = recordIdOf(collection, value) ?? key;
  return `${collection}/${hash(basis) % n}`;
}
