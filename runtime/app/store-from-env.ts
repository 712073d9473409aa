import { seedExamplesFromEnv } from '../seed/seed-examples-from-env.js';

/** `SEED_EXAMPLES` read by its own rule (`seedExamplesFromEnv`), refused as a store setting. */
function seedFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  kind: StoreChoice['kind'],
): boolean {
  try {
    return seedExamplesFromEnv(env, { storeKind: kind === 'lowdb' ? 'embedded' : 'postgres' });
  } catch (e) {
    throw new StoreSettingError(e instanceof Error ? e.message : String(e));
  }
}

/** Which store a process uses and whether it seeds the examples, read from its environment. */
export interface StoreChoice {
  /** `postgres` when `DATABASE_URL` is set; the embedded store (lowdb) otherwise. */
  kind: 'lowdb' | 'postgres';
  databaseUrl?: string;
  /** `DATABASE_SCHEMA`: the schema holding Conveyor's tables (default `conveyor`). */
  schema?: string;
  /** Whether the examples are seeded on a first start (`SEED_EXAMPLES`). */
  seedExamples: boolean;
}

/** A setting that cannot be used: its message is one line naming it. */
export class StoreSettingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreSettingError';
  }
}

/**
 * `DATABASE_URL` selects PostgreSQL. `SEED_EXAMPLES`: `1` seeds (on any store), `0`
 * never seeds; unset, only the embedded store seeds (a shared database is a company's
 * data, not a demo).
 * @example storeFromEnv({ DATABASE_URL: 'postgres://db/conveyor' }) // { kind: 'postgres', ..., seedExamples: false }
 */
export function storeFromEnv(env: Readonly<Record<string, string | undefined>>): StoreChoice {
  const url = env.DATABASE_URL?.trim() ?? '';
  if (url !== '' && !/^postgres(ql)?:\/\//i.test(url))
    throw new StoreSettingError(
      'DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use the embedded store)',
    );
  const schema = env.DATABASE_SCHEMA?.trim() ?? '';
  if (schema !== '' && !/^[a-z_][a-z0-9_]{0,57}$/.test(schema))
    throw new StoreSettingError(
      'DATABASE_SCHEMA must be lower-case letters, digits and _ (at most 58), starting with a letter or _',
    );
  const kind = url === '' ? 'lowdb' : 'postgres';
  return {
    kind,
    ...(url === '' ? {} : { databaseUrl: url }),
    ...(schema === '' ? {} : { schema }),
    seedExamples: seedFromEnv(env, kind),
  };
}
