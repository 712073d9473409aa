import { AppendOnlyError } from '../domain/append-only-error.js';
import { isAppendOnly, type CollectionName } from '../domain/collections.js';
import { RevisionConflictError } from '../domain/revision-conflict-error.js';
import type { WriteOp } from '../domain/write-op.js';

/** The plain writes a store applies: puts and deletes, conditions already checked. */
export type PlainOp = Extract<WriteOp, { op: 'put' | 'delete' }>;

const revisionIn = (doc: unknown): number =>
  (doc as { revision?: number } | undefined)?.revision ?? 0;

/**
 * Checks a batch's conditions against the stored documents (and the batch's own earlier
 * writes) and turns it into plain puts and deletes: appends become puts, records get
 * their next revision. Throws `RevisionConflictError` or `AppendOnlyError` before
 * anything is applied, so a refused batch leaves nothing behind.
 */
export function prepareBatch(
  ops: readonly WriteOp[],
  current: (c: CollectionName, key: string) => unknown,
): PlainOp[] {
  const pending = new Map<string, unknown>();
  const read = (c: CollectionName, key: string): unknown => {
    const k = `${c}\u0000${key}`;
    return pending.has(k) ? pending.get(k) : current(c, key);
  };
  const out: PlainOp[] = [];
  for (const op of ops) {
    const before = read(op.collection, op.key);
    if (op.op === 'append') {
      if (before !== undefined) throw new AppendOnlyError(op.collection, op.key);
      out.push({ op: 'put', collection: op.collection, key: op.key, value: op.value } as PlainOp);
      pending.set(`${op.collection}\u0000${op.key}`, op.value);
      continue;
    }
    if (op.op === 'put' && isAppendOnly(op.collection))
      throw new AppendOnlyError(op.collection, op.key);
    if (op.expectRevision !== undefined) {
      const actual = before === undefined ? null : revisionIn(before);
      if (actual !== op.expectRevision)
        throw new RevisionConflictError(op.collection, op.key, op.expectRevision, actual);
    }
    if (op.op === 'delete') {
      out.push({ op: 'delete', collection: op.collection, key: op.key } as PlainOp);
      pending.set(`${op.collection}\u0000${op.key}`, undefined);
      continue;
    }
    const value =
      op.collection === 'records'
        ? { ...op.value, revision: (before === undefined ? 0 : revisionIn(before)) + 1 }
        : op.value;
    out.push({ op: 'put', collection: op.collection, key: op.key, value } as PlainOp);
    pending.set(`${op.collection}\u0000${op.key}`, value);
  }
  return out;
}
