import { readFile, rm, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
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

const LOCK = 'conveyor.lock';
const OWNER = 'conveyor.owner.json';

/**
 * Whether the lock was left by a process of this machine that no longer runs (killed
 * with SIGKILL, or the machine's power went): then a restart need not wait for the lock
 * to go stale. A live or unknown owner, or another host, keeps the lock.
 */
async function ownerIsGone(dir: string): Promise<boolean> {
  try {
    const owner = JSON.parse(await readFile(join(dir, OWNER), 'utf8')) as {
      pid?: unknown;
      host?: unknown;
    };
    if (typeof owner.pid !== 'number' || owner.host !== hostname()) return false;
    if (owner.pid === process.pid) return false;
    process.kill(owner.pid, 0);
    return false;
  } catch (e) {
    return (e as { code?: string }).code === 'ESRCH';
  }
}

async function take(dir: string): Promise<() => Promise<void>> {
  return lockfile.lock(dir, {
    lockfilePath: join(dir, LOCK),
    stale: 15_000,
    update: 5_000,
    retries: 0,
    realpath: false,
    onCompromised: (err) => {
      // Someone took the folder from us: keep running would risk lost writes.
      console.error(`Conveyor: lost the DATA_DIR lock (${err.message})`);
    },
  });
}

/** Locks the data folder for this process; resolves to the release function. */
export async function lockDataDir(dir: string): Promise<() => Promise<void>> {
  let release: () => Promise<void>;
  try {
    release = await take(dir);
  } catch (e) {
    if ((e as { code?: string }).code !== 'ELOCKED') throw e;
    if (!(await ownerIsGone(dir))) throw new DataDirLockedError(dir);
    await rm(join(dir, LOCK), { recursive: true, force: true });
    try {
      release = await take(dir);
    } catch (again) {
      if ((again as { code?: string }).code === 'ELOCKED') throw new DataDirLockedError(dir);
      throw again;
    }
  }
  await writeFile(join(dir, OWNER), JSON.stringify({ pid: process.pid, host: hostname() }));
  return release;
}
