/**
 * The store interface moved to `runtime/domain/store-port.ts`; re-exported here for code
 * written before the move. New code imports from `runtime/domain/`.
 */
export type { Store } from '../domain/store-port.js';
export type { RecordQuery as RecordFilter } from '../domain/record-query.js';
