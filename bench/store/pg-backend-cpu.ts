import { readFile } from 'node:fs/promises';
import pg from 'pg';

/** Clock ticks per second in /proc/<pid>/stat (USER_HZ, 100 on Linux). */
const TICKS = 100;

/**
 * CPU time (ms, user + system) used so far by the PostgreSQL backends connected to
 * `database`, read from /proc (the server runs on this machine); undefined where that
 * cannot be read (another machine, another OS). The bench's servers keep their pooled
 * connections, so the difference over the window is the database's work for it.
 */
export async function backendCpuMs(
  adminUrl: string,
  database: string,
): Promise<number | undefined> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  let pids: number[];
  try {
    const { rows } = await c.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1',
      [database],
    );
    pids = rows.map((r) => r.pid);
  } finally {
    await c.end();
  }
  let ms = 0;
  for (const pid of pids) {
    try {
      const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      ms += ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS;
    } catch {
      return undefined;
    }
  }
  return ms;
}

/** Transactions committed in `database` so far (`pg_stat_database`). */
export async function commitsOf(adminUrl: string, database: string): Promise<number> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ n: number }>(
      'SELECT xact_commit::float8 AS n FROM pg_stat_database WHERE datname = $1',
      [database],
    );
    return rows[0]?.n ?? NaN;
  } finally {
    await c.end();
  }
}
