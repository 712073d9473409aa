/** Which kind of store the process runs on: the embedded files or a database. */
export type StoreKind = 'embedded' | 'postgres';

/**
 * `SEED_EXAMPLES`: load the example models, their sample records and directory at first
 * start. `1` turns it on, `0` off, anywhere; unset, it is on only for the embedded store
 * (a newcomer's first `npm start`), never on a database shared by a company's processes.
 *
 * @example seedExamplesFromEnv({}, { storeKind: 'postgres' }) // false
 */
export function seedExamplesFromEnv(
  env: Readonly<Record<string, string | undefined>>,
  { storeKind }: { storeKind: StoreKind },
): boolean {
  const raw = (env.SEED_EXAMPLES ?? '').trim().toLowerCase();
  if (raw === '') return storeKind === 'embedded';
  if (raw === '1' || raw === 'true') return true;
  if (raw === '0' || raw === 'false') return false;
  throw new Error(`SEED_EXAMPLES must be 1 or 0, not "${env.SEED_EXAMPLES}"`);
}
