import type { Department, Queue, User } from '../../schemas/index.js';
import type { DocumentDoc } from './document.js';
import type { HookTokenDoc } from './hook-token.js';
import type { ModelEntry, ModelVersion } from './model.js';
import type { NotificationDoc } from './notification.js';
import type { OutboxDoc } from './outbox.js';
import type { RecordDoc } from './record.js';
import type {
  AccountDoc,
  ApiTokenDoc,
  AuditEntry,
  RecycleBinEntry,
  RoleDoc,
  SessionDoc,
  SettingDoc,
} from './security-types.js';
import type { TaskDoc } from './task.js';
import type { TimelineEntry } from './timeline.js';
import type { TimerDoc } from './timer.js';

/** Every collection a store keeps; each is a map from key to document. */
export interface CollectionTypes {
  records: RecordDoc;
  models: ModelEntry;
  versions: ModelVersion;
  /** Append-only. */
  timeline: TimelineEntry;
  tasks: TaskDoc;
  notifications: NotificationDoc;
  outbox: OutboxDoc;
  timers: TimerDoc;
  users: User;
  departments: Department;
  queues: Queue;
  /** Round-robin positions by queue key: survives restarts. */
  queuePositions: { key: string; position: number };
  /** Idempotency keys of side effects already done. */
  effects: { key: string; at: string };
  documents: DocumentDoc;
  hookTokens: HookTokenDoc;
  accounts: AccountDoc;
  sessions: SessionDoc;
  apiTokens: ApiTokenDoc;
  roles: RoleDoc;
  /** Append-only. */
  audit: AuditEntry;
  recycleBin: RecycleBinEntry;
  settings: SettingDoc;
}
export type CollectionName = keyof CollectionTypes;

export const COLLECTIONS: readonly CollectionName[] = [
  'records',
  'models',
  'versions',
  'timeline',
  'tasks',
  'notifications',
  'outbox',
  'timers',
  'users',
  'departments',
  'queues',
  'queuePositions',
  'effects',
  'documents',
  'hookTokens',
  'accounts',
  'sessions',
  'apiTokens',
  'roles',
  'audit',
  'recycleBin',
  'settings',
];

/**
 * Written only by `append` (a new key); never updated. `delete` stays allowed for
 * retention, purges and a record's deletion (its history goes to the recycle bin).
 */
export const APPEND_ONLY = ['timeline', 'audit'] as const;
export type AppendOnlyCollection = (typeof APPEND_ONLY)[number];

export const isAppendOnly = (c: CollectionName): c is AppendOnlyCollection =>
  (APPEND_ONLY as readonly string[]).includes(c);

/**
 * Small, bounded collections a service may read whole (`Store.listAll`): the directory
 * (the engine resolves people and queues from it on every run), custom roles, settings
 * and inbound hook tokens (one per inbound_webhook trigger; a token is found by a
 * constant-time comparison with each). Each holds at most a few thousand short
 * documents; everything else is read by key or through paged queries.
 */
export const SMALL_COLLECTIONS = [
  'users',
  'departments',
  'queues',
  'roles',
  'settings',
  'hookTokens',
] as const;
export type SmallCollection = (typeof SMALL_COLLECTIONS)[number];

/** Collections whose documents belong to one record (`recordId`). */
export const RECORD_SCOPED = [
  'timeline',
  'tasks',
  'notifications',
  'outbox',
  'timers',
  'documents',
] as const;
export type RecordScopedCollection = (typeof RECORD_SCOPED)[number];
