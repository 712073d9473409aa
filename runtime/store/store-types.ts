/**
 * The document types moved to `runtime/domain/` (the engine and services own them);
 * this file re-exports them for code inside `runtime/store/` and for branches written
 * before the move. New code imports from `runtime/domain/`.
 */
export type { RecordDoc } from '../domain/record.js';
export type { ModelEntry, ModelVersion } from '../domain/model.js';
export type { TimelineEntry } from '../domain/timeline.js';
export type { TaskDoc } from '../domain/task.js';
export type { NotificationDoc } from '../domain/notification.js';
export type { OutboxDoc, DeliveryStatus } from '../domain/outbox.js';
export type { DocumentDoc } from '../domain/document.js';
export type { HookTokenDoc } from '../domain/hook-token.js';
export type { TimerDoc } from '../domain/timer.js';
export type { CausationChain } from '../domain/causation-chain.js';
export type { DirectoryEntries } from '../domain/directory.js';
export type { CollectionTypes, CollectionName } from '../domain/collections.js';
export { COLLECTIONS } from '../domain/collections.js';
export type { WriteOp } from '../domain/write-op.js';
