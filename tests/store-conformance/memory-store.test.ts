import { MemoryStore } from '../../runtime/store/memory-store.js';
import { describeStoreConformance } from './describe-store-conformance.js';

describeStoreConformance('MemoryStore', async () => ({
  store: new MemoryStore(),
  close: async () => undefined,
}));
