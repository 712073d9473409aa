import { open, readFile, rename, writeFile, type FileHandle } from 'node:fs/promises';
import type { WriteOp } from './store-types.js';

/**
 * The batch journal of the lowdb store. A batch touches several slice files, and a
 * process killed while they are written would leave some new and some old: a timer
 * deleted without its effects, or effects without the timer's deletion. So every batch
 * is first appended here as one JSON line; slices are written after; on open the lines
 * are replayed in order over the slices (puts and deletes of whole documents, so a
 * replay is harmless). A torn last line is a batch that was never acknowledged.
 *
 * A checkpoint writes the slices while new batches keep being appended, so it
 * notes the journal's length when it snapshots the slices (`mark`) and afterwards
 * drops only that prefix (`trim(mark)`). Appends and trims run one at a time.
 */
export class WriteAheadLog {
  private buffer: string[] = [];
  /** Bytes in the file that this process appended or knows of (0 after a full trim). */
  private size = 0;
  private queue: Promise<void> = Promise.resolve();
  /** Kept open for appends: opening the file per round cost more than the write. */
  private handle: FileHandle | undefined;

  constructor(private readonly file: string) {}

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

  /** Queues a batch; it reaches the file with the next `drain`. */
  add(ops: readonly WriteOp[]): void {
    this.buffer.push(`${JSON.stringify(ops)}\n`);
  }

  pending(): boolean {
    return this.buffer.length > 0;
  }

  /** Appends every queued batch in one write. */
  drain(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    if (text === '') return Promise.resolve();
    return this.serial(async () => {
      this.handle ??= await open(this.file, 'a');
      await this.handle.appendFile(text);
      this.size += Buffer.byteLength(text);
    });
  }

  /**
   * Drops the first `upTo` bytes (everything when omitted); call only when the
   * batches in them are in the slices. A kept tail is written to a temp file and
   * renamed over the journal, so a crash leaves the old journal or the new one.
   */
  trim(upTo?: number): Promise<void> {
    return this.serial(async () => {
      if (upTo === undefined || upTo >= this.size) {
        await writeFile(this.file, '');
        this.size = 0;
        return;
      }
      if (upTo <= 0) return;
      const tail = (await readFile(this.file)).subarray(upTo);
      await writeFile(`${this.file}.tmp`, tail);
      await this.closeHandle(); // it points at the file the rename replaces
      await rename(`${this.file}.tmp`, this.file);
      this.size = tail.length;
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

  /** The complete batches in the file, oldest first. */
  async read(): Promise<WriteOp[][]> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (e) {
      if ((e as { code?: string }).code === 'ENOENT') return [];
      throw e;
    }
    const batches: WriteOp[][] = [];
    for (const line of text.split('\n')) {
      if (line === '') continue;
      try {
        batches.push(JSON.parse(line) as WriteOp[]);
      } catch {
        break; // torn by a crash mid-append: that batch was never acknowledged
      }
    }
    return batches;
  }
}
