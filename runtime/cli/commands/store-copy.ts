import { resolve } from 'node:path';
import type { Store } from '../../domain/store-port.js';
import { redactSecrets } from '../../security/redact-secrets.js';
import { copyStore, StoreCopyError } from '../../store/copy-store.js';
import { DataDirDamagedError } from '../../store/data-dir-damaged-error.js';
import { DataDirUnusableError } from '../../store/data-dir-unusable-error.js';
import { DataDirLockedError } from '../../store/lock-data-dir.js';
import { LowdbStore } from '../../store/lowdb-store.js';
import { InvalidSchemaNameError } from '../../store/postgres/open-database.js';
import { PostgresStore } from '../../store/postgres/postgres-store.js';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, type CliIo } from '../cli-io.js';

const isDatabase = (where: string): boolean => /^postgres(ql)?:\/\//i.test(where);

/** A data dir (embedded store) or a `postgres://` URL (its `schema`), opened. */
async function openStore(where: string, schema: string | undefined): Promise<Store> {
  if (!isDatabase(where)) return LowdbStore.open(resolve(where));
  return PostgresStore.open({
    connectionString: where,
    ...(schema === undefined ? {} : { schema }),
  });
}

/**
 * `store copy --from <data dir | postgres://...> --to <...>`: moves a deployment between
 * the embedded store and PostgreSQL (either way) with the servers stopped, into an
 * empty target; prints each collection's count on both sides. Exit 0 when all are equal,
 * 1 when the copy did not end equal, 2 when it could not start.
 */
export async function copyCommand(
  options: { from: string; to: string; schema?: string },
  io: CliIo,
): Promise<number> {
  if (isDatabase(options.from) === isDatabase(options.to) && options.from === options.to) {
    io.err('conveyor: store copy needs two different stores (--from and --to are the same)\n');
    return EXIT_USAGE;
  }
  const opened: Store[] = [];
  try {
    const from = await openStore(options.from, options.schema);
    opened.push(from);
    const to = await openStore(options.to, options.schema);
    opened.push(to);
    const counts = await copyStore(from, to, (line) => io.err(`copied ${line}\n`));
    for (const n of counts) if (n.from > 0) io.out(`${n.collection}: ${n.from} -> ${n.to}\n`);
    io.out(`store copy: done, every count equal\n`);
    return EXIT_OK;
  } catch (e) {
    const known =
      e instanceof DataDirLockedError ||
      e instanceof DataDirUnusableError ||
      e instanceof DataDirDamagedError ||
      e instanceof InvalidSchemaNameError;
    const message = redactSecrets(e instanceof Error ? e.message : String(e));
    if (e instanceof StoreCopyError) {
      io.err(`conveyor: store copy: ${message}\n`);
      return EXIT_INVALID;
    }
    if (!known && !(typeof (e as { code?: unknown }).code === 'string')) throw e;
    io.err(`conveyor: store copy: ${message}\n`);
    return EXIT_USAGE;
  } finally {
    for (const s of opened) await s.close();
  }
}
