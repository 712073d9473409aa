import { dirname, join } from 'node:path';
import { Low } from 'lowdb';
import { DataDirDamagedError } from './data-dir-damaged-error.js';
import { DEFER_FROM_BYTES, DEFERRABLE, DeferredLoad } from './deferred-load.js';
import { DataDirUnusableError, isDataDirFault } from './data-dir-unusable-error.js';
import { openDataDir } from './open-data-dir.js';
import { GroupCommit } from './group-commit.js';
import { IoSlots } from './io-slots.js';
import { LazyDocs } from './lazy-docs.js';
import { MemoryStore } from './memory-store.js';
import { RecordFilterIndex } from './record-filter-index.js';
import { SliceFile, type SliceData, type SliceProblem } from './slice-file.js';
import { sliceOf } from './slice-of.js';
import { eachSliceLine, sliceSum, type SliceSum } from './slice-lines.js';
import { SliceSums } from './slice-sums.js';
import { SliceTexts, type SliceStep } from './slice-texts.js';
import { nodeStoreFs, syncDir, type StoreFs } from './store-fs.js';
import { COLLECTIONS, type CollectionName, type CollectionTypes } from '../domain/collections.js';
import type { CollectionFilters } from '../domain/collection-filters.js';
import type { Page, PageRequest } from '../domain/page.js';
import type { RecordDoc } from '../domain/record.js';
import type { RecordPageRequest, RecordQuery } from '../domain/record-query.js';
import type { TimerDoc } from '../domain/timer.js';
import type { TimelineEntry } from '../domain/timeline.js';
import type { WriteOp } from '../domain/write-op.js';
import { prepareBatch, type PlainOp } from './prepare-batch.js';
import { matchDocument } from './query/match-document.js';
import { matchRecord } from './query/match-record.js';
import { pageOf } from './query/page-of.js';
import { recordTupleOf, sortTupleOf } from './query/sort-tuple.js';
import { storeSize, type StoreSize } from './store-size.js';
import { StoreUnavailableError } from '../domain/store-unavailable-error.js';
import { TimelineFiles } from './timeline/timeline-files.js';
import { WriteAheadLog } from './write-ahead-log.js';

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
  /** Timeline segments whose newest entry is older than this many days are removed (default: kept). */
  timelineRetentionDays?: number;
  /** Size at which a timeline segment is sealed and a new one started (default 32 MiB). */
  timelineSegmentBytes?: number;
  /** Time between checkpoints (default 60 s; one also starts when the journal reaches `checkpointBytes`). */
  checkpointMs?: number;
  /** Journal size that starts a checkpoint (default 32 MiB): it bounds the replay after a crash. */
  checkpointBytes?: number;
  /**
   * Audit log files of at least this many bytes are read after opening, in the background
   * (default 4 MiB; tests make it small). Smaller ones are read at open.
   */
  deferAuditFromBytes?: number;
  /** Documents opened as text that are parsed and indexed per turn of the event loop after opening (default 2,000; tests make it small). */
  materialiseStep?: number;
  /** Told about every step of a checkpoint's slice serialisation (tests bound the work per step). */
  onCheckpointStep?: (step: SliceStep) => void;
}

/**
 * A checkpoint rewrites every dirty slice: under steady random writes that is every
 * slice, so its cost is the collections' size (about 90 MB at 100,000 deals with their
 * timers), paid once per checkpoint whatever the number of changes since the last.
 * What a checkpoint buys is a shorter journal to replay after a crash, so it is bound
 * to the journal's size: 32 MiB (about 20,000 moves, well under a second of replay)
 * rather than every few seconds, which at 100,000 deals wrote 160 KB of slices per
 * move. A quiet store checkpoints after 60 s, so the files a person reads catch up.
 */
const CHECKPOINT_MS = 60_000;
const CHECKPOINT_BYTES = 32 * 1024 * 1024;

/** Slice files a checkpoint writes at once (the rest wait: see `IoSlots`). */
const WRITE_SLOTS = 2;

/** A batch's journal line from each put's JSON text, made once for the journal and the slices. */
function batchText(ops: readonly WriteOp[], texts: ReadonlyArray<string | undefined>): string {
  const parts = ops.map((op, i) => {
    const text = texts[i];
    if (text === undefined) return JSON.stringify(op);
    const { value: _value, ...rest } = op as WriteOp & { value: unknown };
    return `${JSON.stringify(rest).slice(0, -1)},"value":${text}}`;
  });
  return `[${parts.join(',')}]`;
}

/** The dirty-set key of the timeline: its checkpoint appends to the active segment. */
const TIMELINE = 'timeline';

/** Documents put in memory per turn of the event loop while the audit log loads after opening. */
const FILL_STEP = 5000;

/**
 * Collections whose trusted slices are opened as text, each document parsed when first
 * read (`LazyDocs`): the big ones (at 100,000 deals, 33 MB of records and 54 MB of
 * timers). Their indexes (filter index, due times, timers by record) are built in the
 * background after opening; queries that need them wait (see `materialise`).
 */
const LAZY: ReadonlySet<CollectionName> = new Set<CollectionName>(['records', 'timers']);

/** Documents parsed and indexed per turn of the event loop while the lazy collections materialise. */
const MATERIALISE_STEP = 2000;

/** Whether a slice holds no document (without listing the keys of a big one). */
function isEmpty(data: SliceData): boolean {
  for (const _ in data) return false;
  return true;
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
export class LowdbStore extends MemoryStore {
  private readonly shards = new Map<string, Shard>();
  private readonly files = new Map<string, SliceFile>();
  private readonly texts: SliceTexts;
  private readonly slots = new IoSlots(WRITE_SLOTS);
  private readonly filterIndex = new RecordFilterIndex();
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
  /** The timeline, append-only in its own segment files (set by `load`). */
  private timeline!: TimelineFiles;
  /** The audit log being read in the background after opening, if it is (see `loadLater`). */
  private deferred = new DeferredLoad(false);
  /** Size and CRC-32 of every slice written (set by `load`; see `SliceSums`). */
  private sums!: SliceSums;
  /** Resolves once the lazy collections are parsed and indexed (see `materialise`). */
  private materialised: Promise<void> = Promise.resolve();
  private materialiseError: unknown;
  /** How the last open read the slices of the lazy collections (tests and the bench read it). */
  readonly opened = { asText: 0, parsed: 0 };

  private constructor(
    private readonly dir: string,
    private readonly release: () => Promise<void>,
    options: LowdbStoreOptions,
  ) {
    super();
    this.fs = options.fs ?? nodeStoreFs;
    this.fsync = options.fsync ?? true;
    this.log = options.log ?? ((line) => console.error(line));
    this.checkpointBytes = options.checkpointBytes ?? CHECKPOINT_BYTES;
    this.journal = new WriteAheadLog(join(dir, 'journal.log'), {
      fs: this.fs,
      fsync: this.fsync,
      log: this.log,
    });
    this.writer = new GroupCommit<string>((id) => this.writeShard(id), {
      journal: this.journal,
      checkpointMs: options.checkpointMs ?? CHECKPOINT_MS,
      checkpointBytes: this.checkpointBytes,
      onError: (e) => this.log(`Conveyor: writing DATA_DIR failed, will retry: ${String(e)}`),
      onRefused: (e) => this.refuse(e),
      // The journal holds the audit log's held-back writes until it is loaded.
      mayCheckpoint: () => !this.deferred.waiting,
      afterWrites: async () => {
        await this.syncDirs();
        await this.writeSums();
      },
      afterCheckpoint: () => this.timeline.afterCheckpoint(),
    });
    this.options = options;
    this.texts = new SliceTexts(options.onCheckpointStep);
    for (const c of LAZY) this.maps.set(c, new LazyDocs());
  }

  private readonly options: LowdbStoreOptions;
  private readonly checkpointBytes: number;

  /**
   * Opens (and locks) a data folder, loading every file into memory. Refuses a damaged
   * file with `DataDirDamagedError` before writing anything.
   */
  static async open(dir: string, options: LowdbStoreOptions = {}): Promise<LowdbStore> {
    const release = await openDataDir(dir, options.fs ?? nodeStoreFs);
    const store = new LowdbStore(dir, release, options);
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
      const adapter = new SliceFile(this.fs, file, this.fsync, damaged);
      s = new Low(adapter, {});
      this.shards.set(id, s);
      this.files.set(id, adapter);
    }
    return s;
  }

  private async load(): Promise<void> {
    // Read and check everything before writing anything: a damaged file stays as found.
    const found: Array<{ c: CollectionName; id: string }> = [];
    // Deferrable collections (the audit log) may be read after opening: listed here.
    const later: Array<{ c: CollectionName; id: string }> = [];
    let laterBytes = 0;
    this.sums = await SliceSums.open(this.fs, this.dir);
    // Slices of lazy collections opened as text, and those parsed whole (rewritten as lines).
    const asText: Array<{ c: CollectionName; id: string }> = [];
    const upgrade = new Set<string>();
    for (const c of COLLECTIONS) {
      const folder = join(this.dir, c);
      await this.fs.mkdir(folder, { recursive: true });
      for (const f of await this.fs.readdir(folder)) {
        if (!/^\d+\.json$/.test(f)) continue;
        const id = `${c}/${f.slice(0, -5)}`;
        if (DEFERRABLE.has(c)) {
          later.push({ c, id });
          laterBytes += await this.fs.size(join(folder, f));
          continue;
        }
        if (LAZY.has(c)) {
          if (await this.readLazy(c, id)) asText.push({ c, id });
          else {
            found.push({ c, id });
            upgrade.add(id);
          }
          continue;
        }
        await this.shard(id).read();
        found.push({ c, id });
      }
    }
    this.timeline = await TimelineFiles.open(join(this.dir, 'timeline'), this.dir, {
      fs: this.fs,
      fsync: this.fsync,
      log: this.log,
      ...(this.options.timelineRetentionDays === undefined
        ? {}
        : { retentionDays: this.options.timelineRetentionDays }),
      ...(this.options.timelineSegmentBytes === undefined
        ? {}
        : { segmentBytes: this.options.timelineSegmentBytes }),
    });
    const legacy = found.filter((f) => f.c === 'timeline');
    const batches = await this.journal.resume(this.dir);
    // Migrating, or replaying a removal of an entry (maybe in a sealed segment): the
    // whole timeline index first (it is otherwise completed after opening).
    if (
      legacy.length > 0 ||
      batches.some((ops) => ops.some((op) => op.collection === 'timeline' && op.op === 'delete'))
    )
      await this.timeline.ready;
    this.migrateTimeline(legacy.map((f) => f.id));
    // The common open (no migration) leaves a big audit log for later; a migration
    // reads everything now, since the journal is trimmed below.
    const quick = legacy.length === 0;
    if (
      quick &&
      laterBytes > 0 &&
      laterBytes >= (this.options.deferAuditFromBytes ?? DEFER_FROM_BYTES)
    )
      this.deferred = new DeferredLoad(true);
    else {
      for (const { id } of later) await this.shard(id).read();
      found.push(...later);
    }
    await this.relocate(this.fill(found));
    const dirty = new Set<string>(upgrade);
    for (const ops of batches) {
      // The journal holds prepared batches: plain puts and deletes.
      const { now, later: held } = this.deferred.split(ops as PlainOp[]);
      for (const id of this.place(now)) dirty.add(id);
      this.apply(now);
      this.deferred.hold(0, held);
    }
    if (this.timeline.dirty()) dirty.add(TIMELINE);
    // The replayed batches stay in the journal, their slices dirty: the next checkpoint
    // writes them (opening is not slowed by rewriting every slice a long journal
    // touched; a journal past the checkpoint size starts one with the first change, in
    // small steps while requests are answered). Only slices to migrate are written now.
    if (quick) {
      this.writer.touch(dirty);
      this.materialised = this.materialise(asText);
      // The audit log last: a move waits for the record, timer and timeline indexes, not for it.
      if (this.deferred.waiting)
        void Promise.all([this.materialised, this.timeline.ready.catch(() => undefined)]).then(() =>
          this.loadLater(later),
        );
      return;
    }
    await this.materialise(asText);
    await Promise.all([...dirty].map((id) => this.writeShard(id)));
    await this.syncDirs();
    await this.journal.trim();
    // Only now are the entries of the slices written before timeline files existed in a segment.
    for (const f of legacy) {
      await this.fs.rm(join(this.dir, `${f.id}.json`), { force: true });
      this.shards.delete(f.id);
    }
    if (legacy.length > 0) this.touchedDirs.add(join(this.dir, 'timeline'));
    await this.syncDirs();
    await this.writeSums();
  }

  /**
   * Reads a slice of a lazy collection. A slice whose bytes match its sum is cut into
   * its documents' texts, put in memory unparsed (true); any other is parsed whole as
   * before (false: the caller fills it; a damaged one stops the open). The slice's data
   * holds the same texts: a checkpoint writes an unchanged document's text as read.
   */
  private async readLazy(c: CollectionName, id: string): Promise<boolean> {
    const s = this.shard(id);
    const file = this.files.get(id) as SliceFile;
    const bytes = await file.readBytes();
    if (bytes === null) return true;
    const docs = this.map(c) as LazyDocs;
    const data: SliceData = {};
    const cut =
      this.sums.matches(id, sliceSum(bytes)) &&
      eachSliceLine(bytes.toString('utf8'), (key, text) => {
        data[key] = text;
        docs.setText(key, text);
      });
    if (!cut) {
      // Not in lines after all (never written so by this store): forget what was put, parse whole.
      for (const key in data) docs.delete(key);
      s.data = file.parse(bytes);
      this.opened.parsed++;
      return false;
    }
    s.data = data;
    this.opened.asText++;
    return true;
  }

  /**
   * Parses the documents opened as text and indexes them (filter index, due times,
   * documents by record), a few thousand per turn of the event loop while the server
   * answers; timers first (a move reads its record's timers). Writes meanwhile keep the
   * indexes current themselves (adding a current document again changes nothing); the
   * queries that need an index wait for this (`whenMaterialised`). A document found in
   * another slice than its own moves, as `fill` does.
   */
  private async materialise(
    slices: ReadonlyArray<{ c: CollectionName; id: string }>,
  ): Promise<void> {
    if (slices.length === 0) return;
    try {
      const ordered = [...slices].sort(
        (a, b) => Number(b.c === 'timers') - Number(a.c === 'timers'),
      );
      const moves: ReturnType<LowdbStore['fill']> = [];
      const step = this.options.materialiseStep ?? MATERIALISE_STEP;
      let n = 0;
      for (const { c, id } of ordered) {
        const docs = this.map(c);
        const data = this.shard(id).data;
        for (const key of Object.keys(data)) {
          const text = data[key];
          // Changed or removed since opening: its write indexed it (or removed it).
          if (typeof text !== 'string') continue;
          const value = docs.get(key);
          if (value !== undefined) {
            if (c === 'records') this.filterIndex.update(undefined, value as RecordDoc);
            this.index(c, key, value, true);
            // Still the document read from this slice: is this slice its home?
            const home = sliceOf(c, key, value);
            if (home !== id) moves.push({ from: id, to: home, key, value });
          }
          if (++n % step === 0) await new Promise((r) => setImmediate(r));
        }
      }
      await this.relocate(moves);
    } catch (e) {
      this.log(`Conveyor: reading the slices of ${this.dir} failed: ${String(e)}`);
      this.materialiseError = e;
    }
  }

  /** Waits until the timeline's sealed segments are indexed; refuses when that failed. */
  private async timelineLoaded(): Promise<void> {
    try {
      await this.timeline.ready;
    } catch (e) {
      throw new StoreUnavailableError(e);
    }
  }

  /** Waits until the lazy collections are indexed; refuses when that failed. */
  private async whenMaterialised(): Promise<void> {
    await this.materialised;
    if (this.materialiseError !== undefined) throw new StoreUnavailableError(this.materialiseError);
  }

  /** Writes `slice-sums.json` when a slice changed; a failure only makes the next open slower. */
  private async writeSums(): Promise<void> {
    try {
      await this.sums.write(this.fsync);
    } catch (e) {
      this.log(`Conveyor: writing ${join(this.dir, 'slice-sums.json')} failed: ${String(e)}`);
    }
  }

  /** Puts the documents of read slices in memory; answers those found in another slice than their own. */
  private fill(
    slices: ReadonlyArray<{ c: CollectionName; id: string }>,
    /** Only these documents of the (single) slice, instead of all of them. */
    only?: SliceData,
  ): Array<{ from: string; to: string; key: string; value: unknown }> {
    // A document found in another slice than its own (the slice count changed) moves.
    const moves: Array<{ from: string; to: string; key: string; value: unknown }> = [];
    for (const { c, id } of slices) {
      if (c === 'timeline') continue;
      const data = only ?? this.shard(id).data;
      for (const key in data) {
        const value = data[key];
        if (c === 'records') this.filterIndex.update(undefined, value as RecordDoc);
        this.map(c).set(key, value);
        this.index(c, key, value, true);
        const home = sliceOf(c, key, value);
        if (home !== id) moves.push({ from: id, to: home, key, value });
      }
    }
    return moves;
  }

  /**
   * Reads the deferred collections after opening (the server answers meanwhile), then
   * applies the writes held back since (journal replay and new changes, in order). No
   * checkpoint runs until then, so the journal keeps those writes. A damaged file is
   * logged, and writes to those collections are refused from then on.
   */
  private async loadLater(slices: ReadonlyArray<{ c: CollectionName; id: string }>): Promise<void> {
    try {
      const moves: ReturnType<LowdbStore['fill']> = [];
      for (const slice of slices) {
        await this.shard(slice.id).read();
        // Put in memory a few thousand at a time: requests are answered in between.
        const data = this.shard(slice.id).data;
        const keys = Object.keys(data);
        for (let i = 0; i < keys.length; i += FILL_STEP) {
          const part: SliceData = {};
          for (const key of keys.slice(i, i + FILL_STEP)) part[key] = data[key];
          moves.push(...this.fill([slice], part));
          await new Promise((r) => setImmediate(r));
        }
      }
      await this.relocate(moves);
      const dirty = new Set<string>();
      for (const ops of this.deferred.take()) {
        for (const id of this.place(ops)) dirty.add(id);
        this.apply(ops);
      }
      this.writer.touch(dirty);
      this.deferred.finish();
    } catch (e) {
      this.log(`Conveyor: reading the audit log of ${this.dir} failed: ${String(e)}`);
      this.deferred.fail(e);
    }
  }

  /** Entries of timeline slices (before timeline files existed) join the segments in time order. */
  private migrateTimeline(ids: readonly string[]): void {
    const entries: TimelineEntry[] = [];
    for (const id of ids) entries.push(...(Object.values(this.shard(id).data) as TimelineEntry[]));
    entries.sort((a, b) =>
      a.at === b.at
        ? a.seq === b.seq
          ? a.id < b.id
            ? -1
            : 1
          : a.seq - b.seq
        : a.at < b.at
          ? -1
          : 1,
    );
    for (const e of entries) this.timeline.append(e);
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
    await this.writeSums();
  }

  /** Writes a slice; an emptied timer file (its hour has passed) is removed instead. */
  private async writeShard(id: string): Promise<void> {
    if (id === TIMELINE) return this.timeline.flush();
    const s = this.shard(id);
    const file = join(this.dir, `${id}.json`);
    this.touchedDirs.add(dirname(file));
    if ((id.startsWith('timers/') || id.startsWith('audit/')) && isEmpty(s.data)) {
      this.texts.drop(id);
      await this.fs.rm(file, { force: true });
      this.sums.set(id, undefined);
      return;
    }
    // The snapshot is taken now, before any await (see `GroupCommit.checkpoint`).
    const snap = this.texts.snapshot(id, s.data);
    const adapter = this.files.get(id) as SliceFile;
    let sum: SliceSum | undefined;
    await this.slots.run(() =>
      adapter.replace(async () => {
        const bytes = Buffer.from(await this.texts.render(id, snap, s.data));
        sum = sliceSum(bytes);
        return bytes;
      }),
    );
    this.sums.set(id, sum);
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
  private place(
    ops: readonly PlainOp[],
    texts: ReadonlyArray<string | undefined> = [],
  ): Set<string> {
    const dirty = new Set<string>();
    // What the batch's earlier ops left (memory changes only after `place`): a put then
    // a delete of the same document in one batch must leave it out of its slice.
    const inBatch = new Map<string, unknown>();
    for (const [i, op] of ops.entries()) {
      if (op.collection === 'timeline') {
        dirty.add(TIMELINE);
        continue;
      }
      const k = `${op.collection}\u0000${op.key}`;
      const before = inBatch.has(k) ? inBatch.get(k) : this.map(op.collection).get(op.key);
      inBatch.set(k, op.op === 'put' ? op.value : undefined);
      const value = op.op === 'put' ? op.value : before;
      if (value === undefined) continue;
      const id = sliceOf(op.collection, op.key, value);
      // A re-planned timer changes file: it leaves the old one in the same batch.
      const was = before === undefined ? id : sliceOf(op.collection, op.key, before);
      if (was !== id) {
        delete this.shard(was).data[op.key];
        this.texts.set(was, op.key, undefined);
        dirty.add(was);
      }
      const data = this.shard(id).data;
      if (op.op === 'put') data[op.key] = op.value;
      else delete data[op.key];
      this.texts.set(id, op.key, op.op === 'put' ? texts[i] : undefined);
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
    this.deferred.forgetAfter(durable);
    this.writer.touch(dirty);
    this.log(
      `Conveyor: appending to ${join(this.dir, 'journal.log')} failed (${String(e)}): ` +
        `${undone} batch${undone === 1 ? '' : 'es'} refused and rolled back`,
    );
    this.refusing = new StoreUnavailableError(e);
    setImmediate(() => (this.refusing = undefined));
  }

  /** The timeline goes to its files; everything else to the maps. */
  protected override apply(ops: readonly PlainOp[]): void {
    this.indexRecords(ops);
    if (!ops.some((op) => op.collection === 'timeline')) return super.apply(ops);
    super.apply(ops.filter((op) => op.collection !== 'timeline'));
    for (const op of ops) {
      if (op.collection !== 'timeline') continue;
      if (op.op === 'put') this.timeline.append(op.value);
      else this.timeline.remove(op.key);
    }
  }

  /** Keeps the filter index current, op by op (a batch may touch a record twice). */
  private indexRecords(ops: readonly PlainOp[]): void {
    let seen: Map<string, RecordDoc | undefined> | undefined;
    for (const op of ops) {
      if (op.collection !== 'records') continue;
      seen ??= new Map();
      const before = seen.has(op.key)
        ? seen.get(op.key)
        : (this.map('records').get(op.key) as RecordDoc | undefined);
      const after = op.op === 'put' ? op.value : undefined;
      this.filterIndex.update(before, after);
      seen.set(op.key, after);
    }
  }

  /** Appends to the timeline are checked against its index (its entries are on disk). */
  protected override prepare(ops: readonly WriteOp[]): PlainOp[] {
    // An appended entry names its record: the check looks at that record's history only.
    const recordOf = new Map<string, string>();
    for (const op of ops)
      if (op.collection === 'timeline' && op.op !== 'delete')
        recordOf.set(op.key, op.value.recordId);
    return prepareBatch(ops, (c, key) =>
      c === 'timeline'
        ? this.timeline.has(key, recordOf.get(key))
          ? true
          : undefined
        : this.map(c).get(key),
    );
  }

  /** Records from the smallest indexed set the filter names, not a scan of every record. */
  override async queryRecords(
    filter: RecordQuery,
    page: RecordPageRequest = {},
  ): Promise<Page<RecordDoc>> {
    await this.whenMaterialised();
    const ids = this.filterIndex.candidates(filter);
    if (ids === undefined) return super.queryRecords(filter, page);
    const sort = page.sort ?? 'createdAt';
    const records = this.map('records');
    // Streamed into the page: no array of every match (a stage holds 25,000 deals).
    function* rows(): Generator<{ tuple: ReturnType<typeof recordTupleOf>; doc: RecordDoc }> {
      for (const id of ids ?? []) {
        const r = records.get(id) as RecordDoc | undefined;
        if (r !== undefined && matchRecord(r, filter))
          yield { tuple: recordTupleOf(sort, id, r), doc: r };
      }
    }
    return pageOf(rows(), { ...page, tag: `records:${sort}`, arity: 2 });
  }

  override async countRecords(filter: RecordQuery): Promise<number> {
    await this.whenMaterialised();
    const ids = this.filterIndex.candidates(filter);
    if (ids === undefined) return super.countRecords(filter);
    const records = this.map('records');
    let n = 0;
    for (const id of ids) {
      const r = records.get(id) as RecordDoc | undefined;
      if (r !== undefined && matchRecord(r, filter)) n++;
    }
    return n;
  }

  override async get<C extends CollectionName>(
    c: C,
    key: string,
  ): Promise<CollectionTypes[C] | undefined> {
    if (c !== 'timeline') {
      if (DEFERRABLE.has(c)) await this.deferredLoaded();
      return super.get(c, key);
    }
    await this.timelineLoaded();
    return (await this.timeline.get(key)) as CollectionTypes[C] | undefined;
  }

  /** The timeline is read from its files: one record's entries, or (tools only) all. */
  override async query<C extends CollectionName>(
    c: C,
    filter: CollectionFilters[C],
    page: PageRequest = {},
  ): Promise<Page<CollectionTypes[C]>> {
    if (c !== 'timeline') {
      if (DEFERRABLE.has(c)) await this.deferredLoaded();
      if (LAZY.has(c)) await this.whenMaterialised();
      return super.query(c, filter, page);
    }
    await this.timelineLoaded();
    const f = filter as CollectionFilters['timeline'];
    const entries =
      f.recordId === undefined
        ? await this.timeline.listAll()
        : await this.timeline.listByRecord(f.recordId);
    const rows: Array<{ tuple: ReturnType<typeof sortTupleOf>; doc: CollectionTypes[C] }> = [];
    for (const e of entries)
      if (matchDocument('timeline', e, f))
        rows.push({ tuple: sortTupleOf('timeline', e.id, e), doc: e as CollectionTypes[C] });
    return pageOf(rows, { ...page, tag: c, arity: sortTupleOf(c, '', {}).length });
  }

  override async claimDueTimers(now: string, limit: number, leaseMs?: number): Promise<TimerDoc[]> {
    await this.whenMaterialised();
    return super.claimDueTimers(now, limit, leaseMs);
  }

  override async nextTimerDue(): Promise<string | undefined> {
    await this.whenMaterialised();
    return super.nextTimerDue();
  }

  /** Waits for the audit log when it is read in the background; refuses when that failed. */
  private async deferredLoaded(): Promise<void> {
    await this.deferred.done;
    if (this.deferred.error !== undefined) throw new StoreUnavailableError(this.deferred.error);
  }

  /** Resolves once every collection is in memory and indexed (the audit log may load after opening). */
  async loaded(): Promise<void> {
    await this.materialised;
    await this.timeline.ready.catch(() => undefined);
    await this.deferred.done;
  }

  /** Entries in the timeline files (the size warning counts them). */
  timelineSize(): number {
    return this.timeline.size;
  }

  /** How much the store holds, with a warning past the size it is made for. */
  size(): StoreSize {
    return storeSize(this.map('records').size, this.timeline.size);
  }

  override async commit(batch: readonly WriteOp[]): Promise<void> {
    if (batch.length === 0) return;
    if (this.refusing !== undefined)
      throw new StoreUnavailableError(undefined, 'a change before this one was refused');
    // Timeline writes are checked against the whole timeline index, completed after
    // opening (other batches need not wait: startup's own writes do not).
    if (this.timeline.loading && batch.some((op) => op.collection === 'timeline')) {
      await this.timelineLoaded();
      if (this.refusing !== undefined)
        throw new StoreUnavailableError(undefined, 'a change before this one was refused');
    }
    // Conditions are checked against memory, which holds every batch applied so far.
    const ops = this.prepare(batch);
    const durable = this.journal.durable();
    while ((this.unsettled[0]?.seq ?? Infinity) <= durable) this.unsettled.shift();
    const undo = this.undoOf(ops);
    // Each document is serialised once: for the journal line and for its slice's next write.
    const texts = ops.map((op) => (op.op === 'put' ? JSON.stringify(op.value) : undefined));
    // While the audit log loads, its new entries wait (journalled) and are placed after.
    const { now, later } = this.deferred.split(ops);
    if (later.length > 0 && this.deferred.error !== undefined)
      throw new StoreUnavailableError(this.deferred.error);
    const dirty = this.place(
      now,
      later.length === 0 ? texts : texts.filter((_, i) => !DEFERRABLE.has(ops[i]!.collection)),
    );
    this.apply(now);
    if (dirty.size > 0 || later.length > 0) {
      const seq = this.journal.add(ops, batchText(ops, texts));
      this.unsettled.push({ seq, undo });
      this.deferred.hold(seq, later);
    }
    try {
      await this.writer.flush(dirty);
    } catch (e) {
      throw e instanceof StoreUnavailableError ? e : new StoreUnavailableError(e);
    }
  }

  /** Writes every slice now and empties the journal (a clean state for copies and benches). */
  async checkpoint(): Promise<void> {
    await this.deferred.done;
    return this.writer.flush([], { checkpoint: true });
  }

  /** A checkpoint: the journal drops the deleted documents, slices and timeline lines are rewritten. */
  eraseDeleted(): Promise<void> {
    return this.checkpoint();
  }

  /** Resolves once no checkpoint is being written: a copy of the folder then is what a crash would leave. */
  idle(): Promise<void> {
    return this.writer.idle();
  }

  override async close(): Promise<void> {
    // Held-back audit writes reach their files first (a failed load leaves them in the journal).
    await this.materialised;
    await this.deferred.done;
    if (this.deferred.error === undefined) await this.writer.flush([], { checkpoint: true });
    else await this.writer.flush([]);
    await this.journal.close();
    await this.timeline.close();
    await this.release();
  }
}
