import { sql, type Kysely } from 'kysely';
import { TABLES } from '../tables.js';

/**
 * The small collections whose readers keep what they derive from them (the directory a
 * run is given) while their stamp stands (`PostgresStore.sharedStamp`).
 */
export const STAMPED = [
  'users',
  'departments',
  'queues',
  'roles',
  'accounts',
  'apiTokens',
] as const;

/**
 * A counter per small collection, moved by a statement trigger on every write to its
 * table (whichever process or tool writes, and in the writing transaction): a process
 * reads one row instead of the whole directory before every run.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE change_stamps (
    collection text COLLATE "C" PRIMARY KEY,
    stamp bigint NOT NULL)`.execute(db);
  // The schema's search path is kept with the function: a write from any session bumps this schema's row.
  await sql
    .raw(
      `CREATE FUNCTION conveyor_bump_change_stamp() RETURNS trigger LANGUAGE plpgsql
       SET search_path FROM CURRENT AS $$
       BEGIN
         INSERT INTO change_stamps AS s (collection, stamp) VALUES (TG_ARGV[0], 1)
         ON CONFLICT (collection) DO UPDATE SET stamp = s.stamp + 1;
         RETURN NULL;
       END $$`,
    )
    .execute(db);
  for (const c of STAMPED) {
    const table = TABLES[c].table;
    await sql
      .raw(
        `CREATE TRIGGER ${table}_change_stamp AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
         FOR EACH STATEMENT EXECUTE FUNCTION conveyor_bump_change_stamp('${c}')`,
      )
      .execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const c of STAMPED)
    await sql
      .raw(`DROP TRIGGER IF EXISTS ${TABLES[c].table}_change_stamp ON ${TABLES[c].table}`)
      .execute(db);
  await sql.raw('DROP FUNCTION IF EXISTS conveyor_bump_change_stamp()').execute(db);
  await sql`DROP TABLE change_stamps`.execute(db);
}
