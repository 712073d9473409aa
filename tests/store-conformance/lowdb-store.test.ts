import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Store } from '../../runtime/domain/store-port.js';
import { LowdbStore } from '../../runtime/store/lowdb-store.js';
import { describeStoreConformance } from './describe-store-conformance.js';

describeStoreConformance('LowdbStore', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'conveyor-conformance-'));
  let store: Store = await LowdbStore.open(dir);
  return {
    store,
    reopen: async () => {
      await store.close();
      store = await LowdbStore.open(dir);
      return store;
    },
    close: async () => {
      await store.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
});
