import { COLLECTIONS, isAppendOnly, type CollectionName } from '../domain/collections.js';
import type { Store } from '../domain/store-port.js';
import type { WriteOp } from '../domain/write-op.js';

/** Collections whose documents carry their key as `key` (the others as `id`; versions are `<model>@<n>`). */
const KEYED_BY_KEY: ReadonlySet<CollectionName> = new Set([
  'users',
  'departments',
  'queues',
  'queuePositions',
  'effects',
  'hookTokens',
  'roles',
  'recycleBin',
  'settings',
]);

/** The key a document is stored under, from the document (as the services write them). */
export function keyOf(c: CollectionName, doc: unknown): string {
  const d = doc as { id?: unknown; key?: unknown; modelId?: unknown; version?: unknown };
  if (c === 'versions') return `${String(d.modelId)}@${String(d.version).padStart(6, '0')}`;
  const key = KEYED_BY_KEY.has(c) ? d.key : d.id;
  if (typeof key !== 'string') throw new Error(`${c}: a document without its key`);
  return key;
}

/** A copy that cannot start or did not end equal: nothing to do but read the message. */
export class StoreCopyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreCopyError';
  }
}

export interface CopyCount {
  collection: CollectionName;
  from: number;
  to: number;
}

const PAGE = 1000;
const BATCH = 500;

/** Every document of a collection, page by page, through the port's queries. */
async function* documentsOf(store: Store, c: CollectionName): AsyncGenerator<unknown[]> {
  let cursor: string | null = null;
  do {
    const page: { items: unknown[]; nextCursor: string | null } = await store.query(
      c,
      {},
      { limit: PAGE, cursor },
    );
    if (page.items.length > 0) yield page.items;
    cursor = page.nextCursor;
  } while (cursor !== null);
}

async function countOf(store: Store, c: CollectionName): Promise<number> {
  let n = 0;
  for await (const page of documentsOf(store, c)) n += page.length;
  return n;
}

/**
 * Copies every collection from one store into an empty one (a data dir into a
 * database, or back), then counts both sides; any difference is a `StoreCopyError`.
 * Reads and writes only through the `Store` port, in batches of 500, so it works
 * between any two stores. Records get revision 1 on the new store (the store sets
 * revisions), so clients re-read before a conditional update.
 */
export async function copyStore(
  from: Store,
  to: Store,
  progress: (line: string) => void = () => undefined,
): Promise<CopyCount[]> {
  for (const c of COLLECTIONS) {
    if ((await to.query(c, {}, { limit: 1 })).items.length > 0)
      throw new StoreCopyError(
        `the target already holds ${c}: copy only into an empty store (nothing was written)`,
      );
    // The key rule must hold for this store's data before anything is written.
    const first = (await from.query(c, {}, { limit: 1 })).items[0];
    if (first !== undefined && (await from.get(c, keyOf(c, first))) === undefined)
      throw new StoreCopyError(`${c}: documents are not stored under the key copy expects`);
  }
  for (const c of COLLECTIONS) {
    let copied = 0;
    for await (const page of documentsOf(from, c)) {
      for (let i = 0; i < page.length; i += BATCH) {
        const ops = page.slice(i, i + BATCH).map(
          (doc) =>
            ({
              op: isAppendOnly(c) ? 'append' : 'put',
              collection: c,
              key: keyOf(c, doc),
              value: doc,
            }) as WriteOp,
        );
        await to.commit(ops);
        copied += ops.length;
      }
    }
    if (copied > 0) progress(`${c}: ${copied}`);
  }
  const counts: CopyCount[] = [];
  for (const c of COLLECTIONS)
    counts.push({ collection: c, from: await countOf(from, c), to: await countOf(to, c) });
  const wrong = counts.filter((n) => n.from !== n.to);
  if (wrong.length > 0)
    throw new StoreCopyError(
      `counts differ after the copy: ${wrong.map((n) => `${n.collection} ${n.from} -> ${n.to}`).join(', ')}`,
    );
  return counts;
}
