import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** The few calls the store makes on an open file (Node's `FileHandle` has them all). */
export interface StoreFileHandle {
  appendFile(data: string): Promise<void>;
  writeFile(data: string | Uint8Array): Promise<void>;
  /** Writes `length` bytes of `data` from `offset` at `position` in the file (`pwrite`). */
  write(data: Uint8Array, offset: number, length: number, position: number): Promise<unknown>;
  truncate(len?: number): Promise<void>;
  /** Data and metadata to the disk (`fsync`). */
  sync(): Promise<void>;
  /** Data and the metadata needed to read it back, such as the size (`fdatasync`). */
  datasync(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The file system as the embedded store uses it: Node's `fs/promises` in production;
 * tests inject one that fails the way a full or broken disk does.
 */
export interface StoreFs {
  open(path: string, flags: string): Promise<StoreFileHandle>;
  readFile(path: string): Promise<Buffer>;
  rename(from: string, to: string): Promise<void>;
  rm(path: string, options: { force: boolean }): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  readdir(path: string): Promise<string[]>;
  cp(from: string, to: string): Promise<void>;
  /** Opens a file for positioned reads (the timeline's segments are read by offset). */
  openRead(path: string): Promise<StoreReader>;
  /** The file's size in bytes. */
  size(path: string): Promise<number>;
}

/** A file open for reading at given offsets. */
export interface StoreReader {
  /** Exactly `length` bytes from `position` (fewer only at the end of the file). */
  read(position: number, length: number): Promise<Buffer>;
  close(): Promise<void>;
}

export const nodeStoreFs: StoreFs = {
  open: (path, flags) => fsp.open(path, flags),
  readFile: (path) => fsp.readFile(path),
  rename: fsp.rename,
  rm: fsp.rm,
  mkdir: fsp.mkdir,
  readdir: (path) => fsp.readdir(path),
  cp: (from, to) => fsp.cp(from, to),
  async openRead(path) {
    const h = await fsp.open(path, 'r');
    return {
      async read(position, length) {
        const buf = Buffer.allocUnsafe(length);
        const { bytesRead } = await h.read(buf, 0, length, position);
        return buf.subarray(0, bytesRead);
      },
      close: () => h.close(),
    };
  },
  size: async (path) => (await fsp.stat(path)).size,
};

/** The error code of a failed fs call (`ENOSPC`...), if it has one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * Makes a folder's entries (created, renamed, removed files) durable. Some systems
 * cannot open a folder for syncing (Windows: EISDIR/EPERM); there the rename is as
 * durable as the system makes it.
 */
export async function syncDir(fs: StoreFs, dir: string): Promise<void> {
  let h: StoreFileHandle;
  try {
    h = await fs.open(dir, 'r');
  } catch (e) {
    if (['EISDIR', 'EPERM', 'EACCES'].includes(errorCode(e) ?? '')) return;
    throw e;
  }
  try {
    await h.sync();
  } catch (e) {
    if (errorCode(e) !== 'EINVAL') throw e;
  } finally {
    await h.close();
  }
}

/**
 * Replaces a file whole: the text goes to a temp file beside it, synced when `fsync`,
 * then renamed over it, so a crash or power loss leaves the old file or the new one.
 * The caller syncs the folder (once for many files) to make the rename itself durable.
 */
export async function replaceFile(
  fs: StoreFs,
  file: string,
  data: string | Uint8Array,
  fsync: boolean,
): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.tmp`);
  const h = await fs.open(tmp, 'w');
  try {
    await h.writeFile(data);
    if (fsync) await h.sync();
  } finally {
    await h.close();
  }
  await fs.rename(tmp, file);
}
