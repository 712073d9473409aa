import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { MIGRATIONS, migrationProvider } from './migrations/index.js';

export interface PostgresStoreOptions {
  /** `postgres://user@host:port/database` */
  connectionString: string;
  /**
   * The schema holding Conveyor's tables (made when missing): several deployments or
   * test runs can share one database, each in its own. Default `conveyor`.
   */
  schema?: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /**
   * Plan timers as graphile-worker jobs in the schema `<schema>_jobs`
   * (installed at open), in the same transaction as each change (see `jobs.ts`).
   */
  jobs?: boolean;
}

/** Tables are referenced without a schema: the pool's search_path names it. */
export type Db = Kysely<Record<string, never>>;

// Room for the `_jobs` suffix of the job queue's schema.
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,57}$/;

/** A schema name that cannot be used (it goes into SQL as an identifier). */
export class InvalidSchemaNameError extends Error {
  constructor(schema: string) {
    super(
      `PostgreSQL schema name ${JSON.stringify(schema)} is not valid: use lower-case letters, digits and _`,
    );
    this.name = 'InvalidSchemaNameError';
  }
}

// Large numbers come back as strings by default; counts and claim leases fit a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/**
 * Kysely's migrator looks its table up among every schema's tables
 * (`has_schema_privilege` per schema): a schema another deployment or test drops at that
 * moment fails the lookup with 3F000 naming that schema. Ours is not concerned: try again.
 */
function otherSchemaDropped(error: unknown, schema: string): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e.code === '3F000' && typeof e.message === 'string' && !e.message.includes(`"${schema}"`);
}

/**
 * Whether every migration is recorded in the schema's own table: the usual restart,
 * which then skips the migrator and its look over every schema's tables.
 */
async function upToDate(db: Db, schema: string): Promise<boolean> {
  const table = `"${schema}".kysely_migration`;
  const { rows } = await sql<{ present: boolean }>`
    SELECT to_regclass(${table}) IS NOT NULL AS present`.execute(db);
  if (rows[0]?.present !== true) return false;
  const { rows: applied } = await sql<{ name: string }>`
    SELECT name FROM ${sql.table(`${schema}.kysely_migration`)}`.execute(db);
  const names = new Set(applied.map((r) => r.name));
  return Object.keys(MIGRATIONS).every((name) => names.has(name));
}

/**
 * A pool on the schema (Kysely over it, and the pool), with the migrations applied (run
 * here at every start, never by
 * hand; Kysely's migrator takes a lock, so processes starting together apply each once).
 */
export async function openDatabase(
  options: PostgresStoreOptions,
): Promise<{ db: Db; pool: pg.Pool }> {
  const schema = options.schema ?? 'conveyor';
  if (!SCHEMA_NAME.test(schema)) throw new InvalidSchemaNameError(schema);
  const setup = new pg.Client({ connectionString: options.connectionString });
  await setup.connect();
  try {
    await setup.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
  } catch (e) {
    // Two processes creating it at once: one wins, the other finds it made.
    if ((e as { code?: string }).code !== '23505') throw e;
  } finally {
    await setup.end();
  }
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize ?? 10,
    options: `-c search_path="${schema}"`,
  });
  const db: Db = new Kysely({ dialect: new PostgresDialect({ pool }) });
  const migrator = new Migrator({ db, provider: migrationProvider, migrationTableSchema: schema });
  for (let attempt = 1; !(await upToDate(db, schema)); attempt++) {
    const { error } = await migrator.migrateToLatest();
    if (error === undefined) break;
    if (attempt < 10 && otherSchemaDropped(error, schema)) {
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 80));
      continue;
    }
    await db.destroy();
    throw error instanceof Error ? error : new Error(String(error));
  }
  await sql`SELECT 1`.execute(db);
  // The pool itself too: a commit sends several statements as one string (`commit-batch.ts`).
  return { db, pool };
}
