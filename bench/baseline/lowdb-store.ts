import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { DataDirDamagedError } from '../../runtime/store/data-dir-damaged-error.js';
import {
  DataDirUnusableError,
  isDataDirFault,
} from '../../runtime/store/data-dir-unusable-error.js';
import { openDataDir } from '../../runtime/store/open-data-dir.js';
import { GroupCommit } from './group-commit.js';
import { MemoryStore } from '../../runtime/store/memory-store.js';
import { SliceFile, type SliceData, type SliceProblem } from './slice-file.js';
import { sliceOf } from './slice-of.js';
import { nodeStoreFs, syncDir, type StoreFs } from '../../runtime/store/store-fs.js';
import { COLLECTIONS, type CollectionName } from '../../runtime/domain/collections.js';
import type { WriteOp } from '../../runtime/domain/write-op.js';
import type { PlainOp } from '../../runtime/store/prepare-batch.js';
import { StoreUnavailableError } from '../../runtime/domain/store-unavailable-error.js';
import { WriteAheadLog } from '../../runtime/store/write-ahead-log.js';

type Shard = Low<SliceData>;

export interface LowdbStoreOptions {
  /** The file system (tests inject a failing one). */
  fs?: StoreFs;
  /**
   * Sync the journal before acknowledging a batch, and slices and folders before the
   * journal is trimmed (default). `false` exists for the bench's baseline only: an
   * acknowledged write may then be lost with the machine's power.
   */
  fsync?: boolean;
  /** Where the store reports what it dropped or retries (default: stderr). */
  log?: (line: string) => void;
}

/**
 * The embedded store: everything in memory, persisted with lowdb as one JSON file per
 * collection slice under `DATA_DIR/<collection>/<n>.json` (timers by due hour). A slice
 * is written to a synced temp file and renamed, so a crash leaves the old or the new
 * file, never half of one; a batch spans files, so it goes to `journal.log` first
 * (synced) and is replayed on open (a batch is on disk whole or not at all). Batches of
 * concurrent requests share appends (group commit). A batch the disk refuses is rolled
 * back in memory with every batch queued behind it (`StoreUnavailableError`). A damaged
 * file stops the open (`DataDirDamagedError`). A lock on the folder refuses a second
 * process.
 */
export class BaselineLowdbStore extends MemoryStore {
  private readonly shards = new Map<string, Shard>();
  private readonly journal: WriteAheadLog;
  private readonly writer: GroupCommit<string>;
  private readonly fs: StoreFs;
  private readonly fsync: boolean;
  private readonly log: (line: string) => void;
  /** Folders with renamed or removed slices since the last sync. */
  private readonly touchedDirs = new Set<string>();
  /** How to undo each batch not yet in the journal, oldest first, by journal sequence. */
  private readonly unsettled: Array<{ seq: number; undo: PlainOp[] }> = [];
  /** Set from a refusal until the next turn of the event loop (see `refuse`). */
  private refusing: StoreUnavailableError | undefined;

  private constructor(
    private readonly dir: string,
    private readonly release: () => Promise<void>,
    options: LowdbStoreOptions,
  ) {
    super();
    this.fs = options.fs ?? nodeStoreFs;
    this.fsync = options.fsync ?? true;
    this.log = options.log ?? ((line) => console.error(line));
    this.journal = new WriteAheadLog(join(dir, 'journal.log'), {
      fs: this.fs,
      fsync: this.fsync,
      log: this.log,
    });
    this.writer = new GroupCommit<string>((id) => this.writeShard(id), {
      journal: this.journal,
      checkpointMs: 1000,
      onError: (e) => this.log(`Conveyor: writing DATA_DIR failed, will retry: ${String(e)}`),
      onRefused: (e) => this.refuse(e),
      afterWrites: () => this.syncDirs(),
    });
  }

  /**
   * Opens (and locks) a data folder, loading every file into memory. Refuses a damaged
   * file with `DataDirDamagedError` before writing anything.
   */
  static async open(dir: string, options: LowdbStoreOptions = {}): Promise<BaselineLowdbStore> {
    const release = await openDataDir(dir, options.fs ?? nodeStoreFs);
    const store = new BaselineLowdbStore(dir, release, options);
    try {
      await store.load();
    } catch (e) {
      await release();
      throw isDataDirFault(e) ? new DataDirUnusableError(dir, e) : e;
    }
    return store;
  }

  private shard(id: string): Shard {
    let s = this.shards.get(id);
    if (s === undefined) {
      const file = join(this.dir, `${id}.json`);
      const damaged = (p: SliceProblem): never => {
        throw new DataDirDamagedError(
          this.dir,
          `${id}.json`,
          p.offset === undefined ? 'as a whole' : `at byte ${p.offset}`,
          p.reason,
        );
      };
      s = new Low(new SliceFile(this.fs, file, this.fsync, damaged), {});
      this.shards.set(id, s);
    }
    return s;
  }

  private async load(): Promise<void> {
    // Read and check everything before writing anything: a damaged file stays as found.
    const found: Array<{ c: CollectionName; id: string }> = [];
    for (const c of COLLECTIONS) {
      const folder = join(this.dir, c);
      await this.fs.mkdir(folder, { recursive: true });
      for (const f of await this.fs.readdir(folder)) {
        if (!/^\d+\.json$/.test(f)) continue;
        const id = `${c}/${f.slice(0, -5)}`;
        await this.shard(id).read();
        found.push({ c, id });
      }
    }
    const batches = await this.journal.read(this.dir);
    // A document found in another slice than its own (the slice count changed) moves.
    const moves: Array<{ from: string; to: string; key: string; value: unknown }> = [];
    for (const { c, id } of found) {
      for (const [key, value] of Object.entries(this.shard(id).data)) {
        this.map(c).set(key, value);
        this.index(c, key, value, true);
        const home = sliceOf(c, key, value);
        if (home !== id) moves.push({ from: id, to: home, key, value });
      }
    }
    await this.relocate(moves);
    const dirty = new Set<string>();
    for (const ops of batches) {
      // The journal holds prepared batches: plain puts and deletes.
      for (const id of this.place(ops as PlainOp[])) dirty.add(id);
      this.apply(ops as PlainOp[]);
    }
    await Promise.all([...dirty].map((id) => this.writeShard(id)));
    await this.syncDirs();
    await this.journal.trim();
  }

  /** Writes moved documents to their new slice before removing them from the old one. */
  private async relocate(
    moves: ReadonlyArray<{ from: string; to: string; key: string; value: unknown }>,
  ): Promise<void> {
    if (moves.length === 0) return;
    for (const m of moves) this.shard(m.to).data[m.key] = m.value;
    await Promise.all([...new Set(moves.map((m) => m.to))].map((id) => this.writeShard(id)));
    await this.syncDirs();
    for (const m of moves) delete this.shard(m.from).data[m.key];
    await Promise.all([...new Set(moves.map((m) => m.from))].map((id) => this.writeShard(id)));
    await this.syncDirs();
  }

  /** Writes a slice; an emptied timer file (its hour has passed) is removed instead. */
  private async writeShard(id: string): Promise<void> {
    const s = this.shard(id);
    const file = join(this.dir, `${id}.json`);
    this.touchedDirs.add(dirname(file));
    if (id.startsWith('timers/') && Object.keys(s.data).length === 0) {
      await this.fs.rm(file, { force: true });
      return;
    }
    await s.write();
  }

  /** Makes the renames and removals of the written slices durable (before a journal trim). */
  private async syncDirs(): Promise<void> {
    if (!this.fsync) return;
    const dirs = [...this.touchedDirs];
    this.touchedDirs.clear();
    try {
      await Promise.all(dirs.map((d) => syncDir(this.fs, d)));
    } catch (e) {
      for (const d of dirs) this.touchedDirs.add(d);
      throw e;
    }
  }

  /** Puts a batch into its slices' data; returns the slices it dirtied. */
  private place(ops: readonly PlainOp[]): Set<string> {
    const dirty = new Set<string>();
    for (const op of ops) {
      const before = this.map(op.collection).get(op.key);
      const value = op.op === 'put' ? op.value : before;
      if (value === undefined) continue;
      const id = sliceOf(op.collection, op.key, value);
      // A re-planned timer changes file: it leaves the old one in the same batch.
      const was = before === undefined ? id : sliceOf(op.collection, op.key, before);
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

  /** The batch that puts back what `ops` will overwrite or delete. */
  private undoOf(ops: readonly PlainOp[]): PlainOp[] {
    const undo = new Map<string, PlainOp>();
    for (const op of ops) {
      const k = `${op.collection}\u0000${op.key}`;
      if (undo.has(k)) continue;
      const before = this.map(op.collection).get(op.key);
      undo.set(
        k,
        before === undefined
          ? { op: 'delete', collection: op.collection, key: op.key }
          : ({ op: 'put', collection: op.collection, key: op.key, value: before } as PlainOp),
      );
    }
    return [...undo.values()];
  }

  /**
   * An append failed: every batch not in the journal (those of the failed append and
   * those queued behind it, which may have read what the failed ones wrote) is undone
   * in memory, newest first, so memory shows exactly what the journal holds. Until the
   * next turn of the event loop, new batches are refused too: the rejection has not yet
   * reached the writers, whose running changes may have read undone data.
   */
  private refuse(e: unknown): void {
    this.journal.discard();
    const durable = this.journal.durable();
    const dirty = new Set<string>();
    let undone = 0;
    for (let last = this.unsettled.at(-1); last !== undefined; last = this.unsettled.at(-1)) {
      if (last.seq <= durable) break;
      this.unsettled.pop();
      for (const id of this.place(last.undo)) dirty.add(id);
      this.apply(last.undo);
      undone++;
    }
    this.unsettled.length = 0;
    this.writer.touch(dirty);
    this.log(
      `Conveyor: appending to ${join(this.dir, 'journal.log')} failed (${String(e)}): ` +
        `${undone} batch${undone === 1 ? '' : 'es'} refused and rolled back`,
    );
    this.refusing = new StoreUnavailableError(e);
    setImmediate(() => (this.refusing = undefined));
  }

  override async commit(batch: readonly WriteOp[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.refusing !== undefined)
      throw new StoreUnavailableError(undefined, 'a change before this one was refused');
    // Conditions are checked against memory, which holds every batch applied so far.
    const ops = this.prepare(batch);
    const durable = this.journal.durable();
    while ((this.unsettled[0]?.seq ?? Infinity) <= durable) this.unsettled.shift();
    const undo = this.undoOf(ops);
    const dirty = this.place(ops);
    this.apply(ops);
    if (dirty.size > 0) this.unsettled.push({ seq: this.journal.add(ops), undo });
    try {
      await this.writer.flush(dirty);
    } catch (e) {
      throw e instanceof StoreUnavailableError ? e : new StoreUnavailableError(e);
    }
  }

  /** Writes every slice now and empties the journal (a clean state for copies and benches). */
  checkpoint(): Promise<void> {
    return this.writer.flush([], { checkpoint: true });
  }

  /** Resolves once no checkpoint is being written: a copy of the folder then is what a crash would leave. */
  idle(): Promise<void> {
    return this.writer.idle();
  }

  override async close(): Promise<void> {
    await this.writer.flush([], { checkpoint: true });
    await this.journal.close();
    await this.release();
  }
}
