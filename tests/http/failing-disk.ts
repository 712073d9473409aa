import { nodeStoreFs, type StoreFileHandle, type StoreFs } from '../../runtime/store/store-fs.js';

/** A disk that can be filled up: while `full`, every write stores half its bytes, then fails. */
export interface FailingDisk {
  fs: StoreFs;
  full: boolean;
  /** While set, cutting a file back fails too (an I/O error rather than a full disk). */
  cannotCut: boolean;
  /** Writes refused so far. */
  refused: number;
}

function enospc(): Error {
  return Object.assign(new Error('ENOSPC: no space left on device, write'), {
    code: 'ENOSPC',
    errno: -28,
    syscall: 'write',
  });
}

/** Node's file system, except that writes fail the way they do on a full disk. */
export function failingDisk(): FailingDisk {
  const disk: FailingDisk = { fs: nodeStoreFs, full: false, cannotCut: false, refused: 0 };
  const half = (data: string | Uint8Array): string | Uint8Array =>
    data.slice(0, Math.floor(data.length / 2));
  const wrap = (h: StoreFileHandle): StoreFileHandle => ({
    async appendFile(data) {
      if (!disk.full) return h.appendFile(data);
      disk.refused++;
      await h.appendFile(half(data) as string);
      throw enospc();
    },
    async writeFile(data) {
      if (!disk.full) return h.writeFile(data);
      disk.refused++;
      await h.writeFile(half(data));
      throw enospc();
    },
    async write(data, offset, length, position) {
      if (!disk.full) return h.write(data, offset, length, position);
      disk.refused++;
      throw enospc();
    },
    async truncate(len) {
      if (disk.cannotCut)
        throw Object.assign(new Error('EIO: i/o error, ftruncate'), { code: 'EIO' });
      return h.truncate(len);
    },
    sync: () => h.sync(),
    datasync: () => h.datasync(),
    close: () => h.close(),
  });
  disk.fs = {
    ...nodeStoreFs,
    open: async (path, flags) => wrap(await nodeStoreFs.open(path, flags)),
  };
  return disk;
}
