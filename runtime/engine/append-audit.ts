import type { Actor } from '../domain/actor.js';
import type { AuditEntry } from '../domain/security-types.js';
import { SERVER_WHO } from '../domain/who.js';
import type { IdGenerator } from './ports.js';
import type { Tx } from './tx.js';

/** What a change says about itself; time, id, position and (by default) actor are filled in. */
export type AuditInput = Omit<AuditEntry, 'id' | 'at' | 'seq' | 'actor' | 'outcome'> & {
  actor?: Actor;
  outcome?: AuditEntry['outcome'];
};

/** The time and ids of the unit of work (a run's context, or the core's clock). */
export interface AuditStamp {
  readonly now: string;
  readonly ids: IdGenerator;
}

/**
 * Appends one audit entry to the unit of work, so it is written in the same store
 * commit as the change it describes (no change without its entry, no entry without
 * its change). The actor (and its address) default to the unit of work's: the
 * request's, else the server. A robot named as the actor gets no address: it acted on
 * its own. Callers pass only what may be shown: never a password, hash or token.
 */
export function appendAudit(tx: Tx, stamp: AuditStamp, input: AuditInput): AuditEntry {
  const who = tx.who ?? SERVER_WHO;
  const { actor, outcome, address, ...rest } = input;
  const where = address ?? (actor === undefined ? who.address : undefined);
  const id = stamp.ids.next('aud');
  const entry: AuditEntry = {
    id,
    at: stamp.now,
    seq: tx.nextAuditSeq(),
    actor: actor ?? who.actor,
    ...(where === undefined ? {} : { address: where }),
    outcome: outcome ?? 'success',
    ...rest,
  };
  tx.append('audit', id, entry);
  return entry;
}

type Changes = NonNullable<AuditEntry['changes']>;

/**
 * Before and after of the fields that differ between two versions of a document,
 * leaving out `omit` (secrets, hashes, bookkeeping); undefined when nothing differs.
 */
export function fieldChanges(
  before: object | undefined,
  after: object | undefined,
  omit: readonly string[] = [],
): Changes | undefined {
  const a = (before ?? {}) as Record<string, unknown>;
  const b = (after ?? {}) as Record<string, unknown>;
  const out: Changes = {};
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) {
    if (omit.includes(k)) continue;
    if (JSON.stringify(a[k]) === JSON.stringify(b[k])) continue;
    out[k] = {
      ...(a[k] === undefined ? {} : { before: a[k] }),
      ...(b[k] === undefined ? {} : { after: b[k] }),
    };
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
