import type { EntityType } from '../../schemas/index.js';
import type { AuditDetailCode, AuditKind } from '../../schemas/api/audit-kinds.js';
import type { Actor } from './actor.js';

/**
 * Documents of the security collections (accounts, sessions, API tokens, roles, audit
 * log, recycle bin, settings). Every store keeps them like the other collections;
 * `audit` is append-only like `timeline`.
 */

/** A person who signs in; belongs to a directory user (`users` collection). */
export interface AccountDoc {
  id: string;
  /** Lower-cased; unique. */
  email: string;
  /** Display name (the directory user's at creation). */
  name: string;
  /** argon2id/scrypt hash (PHC string); never leaves the store. */
  passwordHash: string;
  userId: string;
  /** A built-in role key (`owner`, `administrator`, ...) or a custom role's key. */
  role: string;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  passwordChangedAt: string;
  language?: 'en' | 'ru';
}

/** A signed-in browser session; keyed by the SHA-256 (hex) of its random token. */
export interface SessionDoc {
  /** The SHA-256 (hex) of the cookie's value; its first 16 characters are the public handle. */
  id: string;
  accountId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address?: string;
  userAgent?: string;
}

/**
 * An API token (`Authorization: Bearer cvy_<id>_<secret>`); the token itself is stored
 * only hashed. Revoked tokens keep their document (with `revokedAt`) for the audit log.
 */
export interface ApiTokenDoc {
  id: string;
  name: string;
  role: string;
  /** SHA-256 (hex) of the token. */
  tokenHash: string;
  /** The account that created it. */
  accountId: string;
  createdAt: string;
  lastUsedAt?: string;
  revokedAt?: string;
}

export type Scope = 'none' | 'own' | 'department' | 'all';

/** One entity's row of the permission matrix. */
export interface EntityPermissions {
  read: Scope;
  create: Scope;
  update: Scope;
  delete: Scope;
  export: Scope;
  import: Scope;
  /**
   * Stage limits by pipeline key: the stages the role sees and may move records into.
   * Absent: every stage.
   */
  stages?: Record<string, string[]>;
}

export interface RolePermissions {
  entities: Partial<Record<EntityType, EntityPermissions>>;
  automations: {
    view: boolean;
    editDrafts: boolean;
    simulate: boolean;
    publish: boolean;
    rollBack: boolean;
  };
  directory: 'none' | 'view' | 'manage';
  roles: 'none' | 'view' | 'manage';
  accounts: 'none' | 'view' | 'manage';
  tokens: 'none' | 'own' | 'manage';
  settings: 'none' | 'view' | 'manage';
  audit: 'none' | 'view' | 'export';
  recycleBin: 'none' | 'view' | 'restore' | 'purge';
  /** Inbound hook addresses and their secrets. */
  hookSecrets: boolean;
}

/** A custom role (built-in roles live in code and are not stored). */
export interface RoleDoc {
  key: string;
  name: string;
  permissions: RolePermissions;
  createdAt: string;
  updatedAt: string;
}

/** One append-only line of the audit log, written in the same commit as its change. */
export interface AuditEntry {
  id: string;
  at: string;
  /** Position within one `at` millisecond. */
  seq: number;
  actor: Actor;
  /** Client address of the request, when there was one. */
  address?: string;
  /** `record.created`, `record.deleted`, `model.published`, `auth.sign_in_failed`, ... */
  kind: AuditKind;
  entity?: EntityType;
  recordId?: string;
  /** Other subject (model id, account id, token id, role key, setting key...). */
  target?: string;
  outcome: 'success' | 'failure';
  /** Before and after of changed fields (secrets never appear). */
  changes?: Record<string, { before?: unknown; after?: unknown }>;
  /** The detail in English (CSV export, logs); readers show `detailCode` in their language. */
  detail?: string;
  /** What `detail` says, as a code and its values (`AUDIT_DETAIL_CODES`). */
  detailCode?: AuditDetailCode;
  detailParams?: Record<string, string | number>;
}

/** A deleted record with what hung on it, kept until `purgeAfter` or a purge. */
export interface RecycleBinEntry {
  /** `<entity>/<record id>` */
  key: string;
  entity: EntityType;
  recordId: string;
  /** The record as it was (links included). */
  record: unknown;
  /** Timeline, tasks, notifications, documents and pending timers of the record. */
  related: Record<string, unknown[]>;
  deletedAt: string;
  deletedBy: Actor;
  purgeAfter: string;
}

/** A server setting kept in the store (setup token hash, retention days, ...). */
export interface SettingDoc {
  key: string;
  value: unknown;
  updatedAt: string;
}
