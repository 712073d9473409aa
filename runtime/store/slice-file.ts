import type { Adapter } from 'lowdb';
import { sliceText } from './slice-lines.js';
import { errorCode, replaceFile, type StoreFs } from './store-fs.js';

export type SliceData = Record<string, unknown>;

/** What is wrong with a slice file's text: where (a byte offset, if known) and why. */
export interface SliceProblem {
  offset?: number;
  reason: string;
  /** The documents that are whole, when the file is JSON of the wrong shape. */
  salvage?: SliceData;
}

/**
 * Parses a slice: a JSON object whose every value is a document (an object).
 * Returns the data, or what is wrong with it.
 *
 * @example
 * parseSlice('{"deal_1":{"id":"deal_1"}}') // { data: { deal_1: { id: 'deal_1' } } }
 * parseSlice('{"deal_1":{"id"')            // { problem: { offset: 15, reason: ... } }
 */
export function parseSlice(text: string): { data: SliceData } | { problem: SliceProblem } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message)?.[1];
    const offset =
      at !== undefined ? Number(at) : /end of JSON input/.test(message) ? text.length : undefined;
    return {
      problem: {
        ...(offset === undefined ? {} : { offset: Buffer.byteLength(text.slice(0, offset)) }),
        reason: `not valid JSON, truncated or overwritten (${message})`,
      },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { problem: { reason: 'not a JSON object of documents' } };
  const isDoc = (doc: unknown): boolean =>
    typeof doc === 'object' && doc !== null && !Array.isArray(doc);
  const data = value as SliceData;
  // Checked in place: a whole slice is returned as parsed (no copy of 100,000 entries).
  let whole = true;
  for (const key in data) {
    if (!isDoc(data[key])) {
      whole = false;
      break;
    }
  }
  if (whole) return { data };
  const salvage: SliceData = {};
  const bad: string[] = [];
  for (const [key, doc] of Object.entries(data)) {
    if (isDoc(doc)) salvage[key] = doc;
    else bad.push(key);
  }
  if (bad.length > 0)
    return {
      problem: {
        reason: `${bad.length} entr${bad.length === 1 ? 'y is' : 'ies are'} not documents (first: ${JSON.stringify(bad[0])})`,
        salvage,
      },
    };
  return { data: salvage };
}

/**
 * The lowdb adapter of one slice file. Reading refuses a damaged file (`onDamage`
 * throws); writing replaces the file whole through a synced temp file (see
 * `replaceFile`), serialised per file; the data is serialised when `write` is called,
 * so a checkpoint snapshots its slices at once.
 */
export class SliceFile implements Adapter<SliceData> {
  private writing: Promise<void> = Promise.resolve();

  constructor(
    private readonly fs: StoreFs,
    private readonly file: string,
    private readonly fsync: boolean,
    private readonly onDamage: (problem: SliceProblem) => never,
  ) {}

  async read(): Promise<SliceData | null> {
    const bytes = await this.readBytes();
    return bytes === null ? null : this.parse(bytes);
  }

  /** The file's bytes (null when it does not exist). */
  async readBytes(): Promise<Buffer | null> {
    try {
      return await this.fs.readFile(this.file);
    } catch (e) {
      if (errorCode(e) === 'ENOENT') return null;
      throw e;
    }
  }

  /** Parses the file's bytes whole, refusing a damaged file (`onDamage`). */
  parse(bytes: Buffer): SliceData {
    const parsed = parseSlice(bytes.toString('utf8'));
    if ('problem' in parsed) return this.onDamage(parsed.problem);
    return parsed.data;
  }

  write(data: SliceData): Promise<void> {
    const parts: string[] = [];
    for (const key in data) parts.push(`${JSON.stringify(key)}:${JSON.stringify(data[key])}`);
    const text = sliceText(parts);
    return this.replace(async () => text);
  }

  /** Replaces the file with text made when its turn comes (after this file's earlier writes). */
  replace(text: () => Promise<string | Uint8Array>): Promise<void> {
    const run = this.writing.then(async () =>
      replaceFile(this.fs, this.file, await text(), this.fsync),
    );
    this.writing = run.catch(() => undefined);
    return run;
  }
}
