import { join } from 'node:path';
import { errorCode, replaceFile, type StoreFs } from './store-fs.js';
import type { SliceSum } from './slice-lines.js';

/** The file, at the top of the data folder, that holds every slice's size and CRC-32. */
export const SLICE_SUMS_FILE = 'slice-sums.json';

/**
 * Size and CRC-32 of each slice file as the store last wrote it (`slice-sums.json`,
 * written after each checkpoint's slices). Opening trusts a slice whose bytes match
 * its sum (they are what the store wrote: one document per line, valid JSON) and cuts
 * it into documents without parsing them (`splitSlice`); any other slice (no sum, a
 * stale sum after a crash between a slice and this file, a file edited or damaged)
 * is parsed whole as before, so damage is still found and named at open. The sums
 * only make opening faster: losing or damaging this file loses nothing.
 */
export class SliceSums {
  private readonly sums = new Map<string, SliceSum>();
  private changed = false;

  private constructor(
    private readonly fs: StoreFs,
    private readonly file: string,
  ) {}

  /** Reads the sums of a data folder (none when the file is missing or unreadable). */
  static async open(fs: StoreFs, dir: string): Promise<SliceSums> {
    const s = new SliceSums(fs, join(dir, SLICE_SUMS_FILE));
    let text: string;
    try {
      text = (await fs.readFile(s.file)).toString('utf8');
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return s;
      throw e;
    }
    try {
      const value = JSON.parse(text) as { slices?: Record<string, Partial<SliceSum>> };
      for (const [id, sum] of Object.entries(value.slices ?? {}))
        if (typeof sum.bytes === 'number' && typeof sum.crc32 === 'number')
          s.sums.set(id, { bytes: sum.bytes, crc32: sum.crc32 });
    } catch {
      // Unreadable: every slice is parsed whole, and the next checkpoint writes it again.
    }
    return s;
  }

  /** Whether `bytes` are the slice as the store last wrote it. */
  matches(id: string, sum: SliceSum): boolean {
    const s = this.sums.get(id);
    return s !== undefined && s.bytes === sum.bytes && s.crc32 === sum.crc32;
  }

  set(id: string, sum: SliceSum | undefined): void {
    if (sum === undefined) {
      if (this.sums.delete(id)) this.changed = true;
      return;
    }
    const was = this.sums.get(id);
    if (was?.bytes === sum.bytes && was.crc32 === sum.crc32) return;
    this.sums.set(id, sum);
    this.changed = true;
  }

  /** Writes the file if a sum changed since it was last written (a temp file renamed). */
  async write(fsync: boolean): Promise<void> {
    if (!this.changed) return;
    this.changed = false;
    const slices: Record<string, SliceSum> = {};
    for (const id of [...this.sums.keys()].sort()) slices[id] = this.sums.get(id) as SliceSum;
    try {
      await replaceFile(this.fs, this.file, JSON.stringify({ format: 1, slices }, null, 1), fsync);
    } catch (e) {
      this.changed = true;
      throw e;
    }
  }
}
