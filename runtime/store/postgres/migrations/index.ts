import type { Migration, MigrationProvider } from 'kysely';
import * as initial from './0001-initial.js';
import * as processLeases from './0002-process-leases.js';
import * as changeStamps from './0003-change-stamps.js';

/**
 * Every migration, by name (applied in name order, once each, recorded in the
 * schema's `kysely_migration` table). Bundled in code rather than read from a folder,
 * so a compiled server finds them wherever it runs.
 */
export const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-initial': initial,
  '0002-process-leases': processLeases,
  '0003-change-stamps': changeStamps,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => ({ ...MIGRATIONS }),
};
