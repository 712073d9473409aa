import { DataDirUnusableError, isDataDirFault } from './data-dir-unusable-error.js';
import { lockDataDir } from './lock-data-dir.js';
import type { StoreFs } from './store-fs.js';

/**
 * Creates the data folder if missing and locks it for this process; resolves to the
 * release function. A folder that cannot be created or written (read-only, a file in
 * the path, no permission) is a `DataDirUnusableError`, not a stack trace.
 */
export async function openDataDir(dir: string, fs: StoreFs): Promise<() => Promise<void>> {
  try {
    await fs.mkdir(dir, { recursive: true });
    return await lockDataDir(dir);
  } catch (e) {
    if (isDataDirFault(e)) throw new DataDirUnusableError(dir, e);
    throw e;
  }
}
