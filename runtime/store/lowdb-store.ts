import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { GroupCommit } from './group-commit.js';
import { lockDataDir } from './lock-data-dir.js';
import { MemoryStore, recordIdOf } from './memory-store.js';
import { COLLECTIONS, type CollectionName, type WriteOp } from './store-types.js';

type Shard = Low<Record<string, unknown>>;

/** Big or fast-growing collections are spread over files so one write rewrites a slice. */
const SHARDS: Partial<Record<CollectionName, number>> = {
  records: 128,
  timeline: 64,
  tasks: 8,
  notifications: 8,
  outbox: 8,
  effects: 16,
  documents: 8,
};

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The embedded store: everything in memory, persisted with lowdb as one JSON file per
 * collection slice under `DATA_DIR/<collection>/<n>.json`. lowdb's writer (steno)
 * writes a temp file and renames it, so a crash leaves the old or the new file, never
 * half of one. Batches of concurrent requests share flushes (group commit). A lock on
 * the folder refuses a second process.
 */
export class LowdbStore extends MemoryStore {
  private readonly shards = new Map<string, Shard>();
  private readonly writer = new GroupCommit<string>((id) => this.shard(id).write());

  private constructor(
    private readonly dir: string,
    private readonly release: () => Promise<void>,
  ) {
    super();
  }

  /** Opens (and locks) a data folder, loading every file into memory. */
  static async open(dir: string): Promise<LowdbStore> {
    await mkdir(dir, { recursive: true });
    const release = await lockDataDir(dir);
    const store = new LowdbStore(dir, release);
    try {
      await store.load();
    } catch (e) {
      await release();
      throw e;
    }
    return store;
  }

  private shardId(collection: CollectionName, key: string, value: unknown): string {
    const n = SHARDS[collection] ?? 1;
    if (n === 1) return `${collection}/0`;
    const basis = recordIdOf(collection, value) ?? key;
    return `${collection}/${hash(basis) % n}`;
  }

  private shard(id: string): Shard {
    let s = this.shards.get(id);
    if (s === undefined) {
      const file = join(this.dir, `${id}.json`);
      s = new Low(
        new DataFile(file, { parse: JSON.parse, stringify: (d) => JSON.stringify(d) }),
        {},
      );
      this.shards.set(id, s);
    }
    return s;
  }

  private async load(): Promise<void> {
    for (const c of COLLECTIONS) {
      const folder = join(this.dir, c);
      await mkdir(folder, { recursive: true });
      for (const f of await readdir(folder)) {
        if (!/^\d+\.json$/.test(f)) continue;
        const s = this.shard(`${c}/${f.slice(0, -5)}`);
        await s.read();
        for (const [key, value] of Object.entries(s.data)) {
          this.map(c).set(key, value);
          this.index(c, key, value, true);
        }
      }
    }
  }

  override async commit(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    const dirty = new Set<string>();
    for (const op of ops) {
      const value = op.op === 'put' ? op.value : this.map(op.collection).get(op.key);
      if (value === undefined) continue;
      const id = this.shardId(op.collection, op.key, value);
      const data = this.shard(id).data;
      if (op.op === 'put') data[op.key] = op.value;
      else delete data[op.key];
      dirty.add(id);
    }
    this.apply(ops);
    await this.writer.flush(dirty);
  }

  override async close(): Promise<void> {
    await this.writer.flush([]);
    await this.release();
  }
}
