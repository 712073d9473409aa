import { afterAll, describe } from 'vitest';
import type { Store } from '../../runtime/domain/store-port.js';
import { PostgresStore } from '../../runtime/store/postgres/postgres-store.js';
import {
  dropSchema,
  freshSchemaName,
  markPostgresSuiteRan,
  TEST_DATABASE_URL,
} from '../support/postgres.js';
import { describeStoreConformance } from './describe-store-conformance.js';

// Runs only with TEST_DATABASE_URL (see tests/support/postgres-global-setup.ts).
describe.skipIf(TEST_DATABASE_URL === undefined)('PostgreSQL', () => {
  const url = TEST_DATABASE_URL as string;
  afterAll(() => markPostgresSuiteRan('store-conformance'));

  describeStoreConformance('PostgresStore', async () => {
    // Each test in a fresh schema, dropped after it.
    const schema = freshSchemaName();
    let store: Store = await PostgresStore.open({ connectionString: url, schema, poolSize: 4 });
    return {
      store,
      reopen: async () => {
        await store.close();
        store = await PostgresStore.open({ connectionString: url, schema, poolSize: 4 });
        return store;
      },
      close: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });
});
