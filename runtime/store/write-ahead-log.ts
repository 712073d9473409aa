import { basename, dirname } from 'node:path';
import { DataDirDamagedError } from './data-dir-damaged-error.js';
import { parseJournal } from './journal-lines.js';
import {
  errorCode,
  nodeStoreFs,
  replaceFile,
  syncDir,
  type StoreFileHandle,
  type StoreFs,
} from './store-fs.js';
import type { WriteOp } from './store-types.js';

export interface WriteAheadLogOptions {
  fs?: StoreFs;
  /** Sync every append before it is acknowledged (default). Off only for a bench baseline. */
  fsync?: boolean;
  log?: (line: string) => void;
}

/**
 * The batch journal of the lowdb store. A batch touches several slice files, and a
 * process killed while they are written would leave some new and some old: a timer
 * deleted without its effects, or effects without the timer's deletion. So every batch
 * is first appended here (and synced) before it is acknowledged, the batches of one
 * append as one JSON line;
 * slices are written after; on open the lines are replayed in order over the slices
 * (puts and deletes of whole documents, so a replay is harmless). A torn last line is
 * a batch that was never acknowledged; a damaged line before it stops the open.
 *
 * A failed append (disk full) is cut back to the last good length, so the next batch
 * never lands glued to half a line; its batches are refused (`discard`).
 *
 * A checkpoint writes the slices while new batches keep being appended, so it
 * notes the journal's length when it snapshots the slices (`mark`) and afterwards
 * drops only that prefix (`trim(mark)`). Appends and trims run one at a time.
 */
export class WriteAheadLog {
  private buffer: string[] = [];
  /** Bytes of whole batches in the file (0 after a full trim): where a failed append is cut. */
  private size = 0;
  /** Batches ever queued, and how many of them are in the file: sequence numbers. */
  private added = 0;
  private appended = 0;
  /** A failed append could not be cut back yet: cut it before appending again. */
  private torn = false;
  private queue: Promise<void> = Promise.resolve();
  /** Kept open for appends: opening the file per round cost more than the write. */
  private handle: StoreFileHandle | undefined;
  private readonly fs: StoreFs;
  private readonly fsync: boolean;
  private readonly log: (line: string) => void;

  constructor(
    private readonly file: string,
    options: WriteAheadLogOptions = {},
  ) {
    this.fs = options.fs ?? nodeStoreFs;
    this.fsync = options.fsync ?? true;
    this.log = options.log ?? ((line) => console.error(line));
  }

  /** Runs file operations in order, so a trim never interleaves with an append. */
  private serial(task: () => Promise<void>): Promise<void> {
    const run = this.queue.then(task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The journal's length once every drained batch is appended: a later `trim` bound. */
  mark(): number {
    return this.size;
  }

  /**
   * Queues a batch (`text`: its JSON, when the caller has it); it reaches the file with
   * the next `drain`. Returns its sequence number.
   */
  add(ops: readonly WriteOp[], text?: string): number {
    this.buffer.push(text ?? JSON.stringify(ops));
    return ++this.added;
  }

  /** Batches up to this sequence number are in the file (and synced). */
  durable(): number {
    return this.appended;
  }

  pending(): boolean {
    return this.buffer.length > 0;
  }

  /** Forgets the queued batches: they were refused after an append failed. */
  discard(): void {
    this.buffer = [];
  }

  /**
   * Appends every queued batch in one write and syncs it; on failure none of them is
   * kept. The batches of one append share one line (a JSON array of batches), so an
   * append cut short anywhere leaves no whole line behind: nothing of it can replay.
   */
  drain(): Promise<void> {
    if (this.buffer.length === 0) return Promise.resolve();
    const text = `[${this.buffer.join(',')}]\n`;
    const upTo = this.added;
    this.buffer = [];
    return this.serial(async () => {
      if (this.torn) await this.cutTornTail();
      try {
        this.handle ??= await this.fs.open(this.file, 'a');
        await this.handle.appendFile(text);
        if (this.fsync) await this.handle.datasync();
      } catch (e) {
        // Part of the text may be in the file: cut it, or the next line is glued to it.
        await this.cutBack(e);
        throw e;
      }
      this.size += Buffer.byteLength(text);
      this.appended = upTo;
    });
  }

  private async cutBack(cause: unknown): Promise<void> {
    try {
      if (this.handle === undefined) return;
      await this.handle.truncate(this.size);
      // Else a power cut could bring back a refused batch that reached the disk whole.
      if (this.fsync) await this.handle.datasync();
    } catch (e) {
      this.torn = true;
      this.log(
        `Conveyor: could not cut ${this.file} back to ${this.size} bytes after a failed append ` +
          `(${String(cause)}): ${String(e)}; will cut it before the next append`,
      );
      await this.closeHandle().catch(() => undefined);
    }
  }

  /** Cuts what a failed append left (when cutting it at once failed too). */
  private async cutTornTail(): Promise<void> {
    await this.closeHandle();
    const h = await this.fs.open(this.file, 'r+');
    try {
      await h.truncate(this.size);
    } finally {
      await h.close();
    }
    this.torn = false;
  }

  /**
   * Drops the first `upTo` bytes (everything when omitted); call only when the
   * batches in them are in the slices (and those synced). A kept tail is written to a
   * synced temp file and renamed over the journal, then the folder is synced, so a
   * crash or power loss leaves the old journal or the new one.
   */
  trim(upTo?: number): Promise<void> {
    return this.serial(async () => {
      if (upTo === undefined || upTo >= this.size) {
        await this.closeHandle();
        const h = await this.fs.open(this.file, 'w');
        await h.close();
        this.size = 0;
        this.torn = false;
        return;
      }
      if (upTo <= 0) return;
      const tail = (await this.fs.readFile(this.file)).subarray(upTo, this.size);
      await this.closeHandle(); // it points at the file the rename replaces
      await replaceFile(this.fs, this.file, tail, this.fsync);
      if (this.fsync) await syncDir(this.fs, dirname(this.file));
      this.size = tail.length;
      this.torn = false;
    });
  }

  private async closeHandle(): Promise<void> {
    const h = this.handle;
    this.handle = undefined;
    await h?.close();
  }

  /** Closes the file after every queued append and trim. */
  close(): Promise<void> {
    return this.serial(() => this.closeHandle());
  }

  /**
   * The complete batches in the file, oldest first. A torn last line is logged and
   * left out; a damaged line before it throws `DataDirDamagedError` (nothing changed).
   */
  async read(dataDir = dirname(this.file)): Promise<WriteOp[][]> {
    return (await this.readWhole(dataDir)).batches;
  }

  /**
   * Reads the journal to replay it and then keep appending to it (no trim needed on
   * open): its whole batches count as appended, and a torn tail is cut before the
   * next append.
   */
  async resume(dataDir = dirname(this.file)): Promise<WriteOp[][]> {
    const { batches, whole, torn } = await this.readWhole(dataDir);
    this.size = whole;
    this.torn = torn;
    return batches;
  }

  private async readWhole(
    dataDir: string,
  ): Promise<{ batches: WriteOp[][]; whole: number; torn: boolean }> {
    let buf: Buffer;
    try {
      buf = await this.fs.readFile(this.file);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return { batches: [], whole: 0, torn: false };
      throw e;
    }
    const parsed = parseJournal(buf);
    const name = basename(this.file);
    if (parsed.damage !== undefined) {
      const d = parsed.damage;
      throw new DataDirDamagedError(
        dataDir,
        name,
        `line ${d.line} (byte ${d.offset})`,
        `${d.reason}; ${d.dropped} batch${d.dropped === 1 ? '' : 'es'} from there on cannot be replayed`,
      );
    }
    if (parsed.torn !== undefined)
      this.log(
        `Conveyor: ${name} ends with ${parsed.torn.bytes} bytes of a batch cut short at byte ` +
          `${parsed.torn.offset} (a crash during its append; never acknowledged): dropped`,
      );
    return {
      batches: parsed.batches,
      whole: parsed.torn?.offset ?? buf.length,
      torn: parsed.torn !== undefined,
    };
  }
}
