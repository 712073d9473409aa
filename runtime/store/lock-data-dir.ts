import { join } from 'node:path';
import lockfile from 'proper-lockfile';

/** Thrown when another process (or store instance) already owns the data folder. */
export class DataDirLockedError extends Error {
  constructor(dir: string) {
    super(
      `DATA_DIR ${dir} is in use by another Conveyor process. The embedded store is ` +
        `single-process: stop the other one, or point DATA_DIR elsewhere.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** Locks the data folder for this process; resolves to the release function. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      lockfilePath: join(dir, 'conveyor.lock'),
      stale: 15_000,
      update: 5_000,
      retries: 0,
      realpath: false,
      onCompromised: (err) => {
        // Someone took the folder from us: keep running would risk lost writes.
        console.error(`Conveyor: lost the DATA_DIR lock (${err.message})`);
      },
    });
  } catch (e) {
    if ((e as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dir);
    throw e;
  }
}
