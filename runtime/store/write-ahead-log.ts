import { appendFile, readFile, writeFile } from 'node:fs/promises';
import type { WriteOp } from './store-types.js';

/**
 * The batch journal of the lowdb store. A batch touches several slice files, and a
 * process killed while they are written would leave some new and some old: a timer
 * deleted without its effects, or effects without the timer's deletion. So every batch
 * is first appended here as one JSON line; slices are written after; on open the lines
 * are replayed in order over the slices (puts and deletes of whole documents, so a
 * replay is harmless). A torn last line is a batch that was never acknowledged.
 */
export class WriteAheadLog {
  private buffer: string[] = [];

  constructor(private readonly file: string) {}

  /** Queues a batch; it reaches the file with the next `drain`. */
  add(ops: readonly WriteOp[]): void {
    this.buffer.push(`${JSON.stringify(ops)}\n`);
  }

  pending(): boolean {
    return this.buffer.length > 0;
  }

  /** Appends every queued batch in one write. */
  async drain(): Promise<void> {
    const text = this.buffer.join('');
    this.buffer = [];
    if (text === '') return;
    await appendFile(this.file, text);
  }

  /** Empties the file; call only when every drained batch is in the slices. */
  async trim(): Promise<void> {
    await writeFile(this.file, '');
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
