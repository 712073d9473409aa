import { describe, expect, it } from 'vitest';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';

// Processes started together on a new schema (docker compose up, a test's three servers):
// every one opens, the migrations and the job queue installed once.
describe.skipIf(TEST_DATABASE_URL === undefined)(
  'opening together on a new schema (PostgreSQL)',
  () => {
    const url = TEST_DATABASE_URL as string;

    it('opens three stores at once on a new schema, each with the job queue', async () => {
      for (let round = 0; round < 3; round++) {
        const schema = freshSchemaName();
        try {
          const opened = await Promise.allSettled(
            [0, 1, 2].map(() =>
              PostgresStore.open({ connectionString: url, schema, poolSize: 2, jobs: true }),
            ),
          );
          const failures = opened.flatMap((o) =>
            o.status === 'rejected' ? [String(o.reason)] : [],
          );
          for (const o of opened) if (o.status === 'fulfilled') await o.value.close();
          expect(failures).toEqual([]);
        } finally {
          await dropSchema(schema);
          await dropSchema(`${schema}_jobs`);
        }
      }
    }, 60_000);
  },
);
