import { sql, type Kysely } from 'kysely';

/**
 * The live Conveyor processes on this database: each renews its row while it runs.
 * A row left to go stale belongs to a process that died (`kill -9`, a lost machine);
 * the others delete it and free the jobs its graphile-worker pool had locked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE process_leases (
    pool_id text COLLATE "C" PRIMARY KEY,
    started_at timestamptz NOT NULL DEFAULT now(),
    renewed_at timestamptz NOT NULL DEFAULT now())`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE process_leases`.execute(db);
}
