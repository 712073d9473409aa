import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { DataFile } from 'lowdb/node';
import { GroupCommit } from './group-commit.js';
import { lockDataDir } from './lock-data-dir.js';
import { MemoryStore, recordIdOf } from './memory-store.js';
import { COLLECTIONS, type CollectionName, type WriteOp } from './store-types.js';
import { WriteAheadLog } from './write-ahead-log.js';

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

/**
 * Timers are filed by the hour they fall due (`timers/<hours since 1970>.json`): firing
 * and planning touch the files of the next hours, never the far-future bulk.
 */
const TIMER_FILE_MS = 3_600_000;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

/**
 * The embedded store: everything in memory, persisted with lowdb as one JSON file per
 * collection slice under `DATA_DIR/<collection>/<n>.json` (timers by due hour). lowdb's writer (steno)
 * writes a temp file and renames it, so a crash leaves the old or the new file, never
 * half of one; a batch spans files, so it goes to `journal.log` first and is replayed
 * on open (a batch is on disk whole or not at all). Batches of concurrent requests
 * share flushes (group commit). A lock on the folder refuses a second process.
 */
export class LowdbStore extends MemoryStore {
  private readonly shards = new Map<string, Shard>();
  private readonly journal: WriteAheadLog;
  private readonly writer: GroupCommit<string>;

  private constructor(
    private readonly dir: string,
    private readonly release: () => Promise<void>,
  ) {
    super();
    this.journal = new WriteAheadLog(join(dir, 'journal.log'));
    this.writer = new GroupCommit<string>(
      (id) => this.writeShard(id),
      this.journal,
      1000,
      (e) => console.error(`Conveyor: writing DATA_DIR failed, will retry: ${String(e)}`),
    );
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
    if (collection === 'timers') {
      const due = Date.parse((value as { dueAt?: string }).dueAt ?? '');
      return `timers/${Number.isFinite(due) ? Math.max(0, Math.floor(due / TIMER_FILE_MS)) : 0}`;
    }
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
    // A document found in another slice than its own (the slice count changed) moves.
    const moves: Array<{ from: string; to: string; key: string; value: unknown }> = [];
    for (const c of COLLECTIONS) {
      const folder = join(this.dir, c);
      await mkdir(folder, { recursive: true });
      for (const f of await readdir(folder)) {
        if (!/^\d+\.json$/.test(f)) continue;
        const id = `${c}/${f.slice(0, -5)}`;
        const s = this.shard(id);
        await s.read();
        for (const [key, value] of Object.entries(s.data)) {
          this.map(c).set(key, value);
          this.index(c, key, value, true);
          const home = this.shardId(c, key, value);
          if (home !== id) moves.push({ from: id, to: home, key, value });
        }
      }
    }
    await this.relocate(moves);
    const dirty = new Set<string>();
    for (const ops of await this.journal.read()) {
      for (const id of this.place(ops)) dirty.add(id);
      this.apply(ops);
    }
    await Promise.all([...dirty].map((id) => this.writeShard(id)));
    await this.journal.trim();
  }

  /** Writes moved documents to their new slice before removing them from the old one. */
  private async relocate(
    moves: ReadonlyArray<{ from: string; to: string; key: string; value: unknown }>,
  ): Promise<void> {
    if (moves.length === 0) return;
    for (const m of moves) this.shard(m.to).data[m.key] = m.value;
    await Promise.all([...new Set(moves.map((m) => m.to))].map((id) => this.writeShard(id)));
    for (const m of moves) delete this.shard(m.from).data[m.key];
    await Promise.all([...new Set(moves.map((m) => m.from))].map((id) => this.writeShard(id)));
  }

  /** Writes a slice; an emptied timer file (its hour has passed) is removed instead. */
  private async writeShard(id: string): Promise<void> {
    const s = this.shard(id);
    if (id.startsWith('timers/') && Object.keys(s.data).length === 0) {
      await rm(join(this.dir, `${id}.json`), { force: true });
      return;
    }
    await s.write();
  }

  /** Puts a batch into its slices' data; returns the slices it dirtied. */
  private place(ops: readonly WriteOp[]): Set<string> {
    const dirty = new Set<string>();
    for (const op of ops) {
      const before = this.map(op.collection).get(op.key);
      const value = op.op === 'put' ? op.value : before;
      if (value === undefined) continue;
      const id = this.shardId(op.collection, op.key, value);
      // A re-planned timer changes file: it leaves the old one in the same batch.
      const was = before === undefined ? id : this.shardId(op.collection, op.key, before);
      if (was !== id) {
        delete this.shard(was).data[op.key];
        dirty.add(was);
      }
      const data = this.shard(id).data;
      if (op.op === 'put') data[op.key] = op.value;
      else delete data[op.key];
      dirty.add(id);
    }
    return dirty;
  }

  override async commit(ops: readonly WriteOp[]): Promise<void> {
    if (ops.length === 0) return;
    const dirty = this.place(ops);
    this.apply(ops);
    if (dirty.size > 0) this.journal.add(ops);
    await this.writer.flush(dirty);
  }

  /** Writes every slice now and empties the journal (a clean state for copies and benches). */
  checkpoint(): Promise<void> {
    return this.writer.flush([], { checkpoint: true });
  }

  override async close(): Promise<void> {
    await this.writer.flush([], { checkpoint: true });
    await this.journal.close();
    await this.release();
  }
}
