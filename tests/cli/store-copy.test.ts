import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { COLLECTIONS, type CollectionName } from '../../runtime/domain/collections.js';
import { seedExamples } from '../../runtime/seed/seed-examples.js';
import { LowdbStore } from '../../runtime/store/lowdb-store.js';
import { startServer, type Harness } from '../http/server-harness.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';
import { ROOT, runCli } from './run-cli.js';

const silent = { info: () => undefined, error: () => undefined };

/** Every collection's documents, in query order; records without their revision (a copy restarts it). */
async function contents(h: Pick<Harness, 'snapshot'>): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const c of COLLECTIONS as CollectionName[])
    out[c] = (await h.snapshot(c)).map((d) =>
      c === 'records' ? { ...(d as object), revision: undefined } : d,
    );
  return out;
}

describe.skipIf(TEST_DATABASE_URL === undefined)('store copy (data dir <-> PostgreSQL)', () => {
  const url = TEST_DATABASE_URL as string;
  const schema = freshSchemaName();
  const dirs: string[] = [];
  afterAll(async () => {
    await dropSchema(schema);
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('copies a seeded data dir into a database and back, every count and document equal', async () => {
    const h = await startServer();
    dirs.push(h.dataDir);
    await seedExamples(h.conveyor, join(ROOT, 'examples'), silent);
    const before = await contents(h);
    expect(before.records?.length).toBeGreaterThan(10);
    expect(before.timeline?.length).toBeGreaterThan(10);
    await h.close();

    const there = await runCli([
      'store',
      'copy',
      '--from',
      h.dataDir,
      '--to',
      url,
      '--schema',
      schema,
    ]);
    expect(there.stderr).not.toContain('conveyor:');
    expect(there.code).toBe(0);
    expect(there.stdout).toContain(
      `records: ${before.records?.length} -> ${before.records?.length}`,
    );
    expect(there.stdout).toContain('every count equal');

    // Into a non-empty target: refused before writing anything.
    const again = await runCli([
      'store',
      'copy',
      '--from',
      h.dataDir,
      '--to',
      url,
      '--schema',
      schema,
    ]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('copy only into an empty store');

    const back = await mkdtemp(join(tmpdir(), 'conveyor-copy-back-'));
    dirs.push(back);
    const home = await runCli(['store', 'copy', '--from', url, '--to', back, '--schema', schema]);
    expect(home.code, home.stderr).toBe(0);
    const store = await LowdbStore.open(back);
    try {
      const snapshot = async (c: CollectionName) => {
        const out: unknown[] = [];
        let cursor: string | null = null;
        do {
          const page: { items: unknown[]; nextCursor: string | null } = await store.query(
            c,
            {},
            { limit: 1000, cursor },
          );
          out.push(...page.items);
          cursor = page.nextCursor;
        } while (cursor !== null);
        return out;
      };
      expect(await contents({ snapshot } as Pick<Harness, 'snapshot'>)).toEqual(before);
    } finally {
      await store.close();
    }
  }, 180_000);

  it('names an unreachable database in one line without its password', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'conveyor-copy-'));
    dirs.push(dir);
    const r = await runCli([
      'store',
      'copy',
      '--from',
      dir,
      '--to',
      'postgres://u:s3cret@127.0.0.1:1/x',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ECONNREFUSED');
    expect(r.stderr).not.toContain('s3cret');
  }, 60_000);
});
