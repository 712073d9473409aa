import type { Static } from '@sinclair/typebox';
import type {
  AccountView,
  MeAnswer,
  SessionView,
  TokenCreated,
  TokenView,
} from '../../../schemas/api/identity-schemas.js';
import type {
  AuditEntryView as AuditEntrySchema,
  RecycleBinItem as RecycleBinItemSchema,
} from '../../../schemas/api/audit-schemas.js';
import type {
  RolePermissions as RolePermissionsSchema,
  RoleView as RoleViewSchema,
} from '../../../schemas/api/role-schemas.js';
import { ENTITY_TYPES } from '../../../schemas/index.js';

// Identity answers come from the route schemas (schemas/api/identity-schemas.ts).
export type { AccountView, MeAnswer, TokenView };
export type SessionInfo = Static<typeof SessionView>;
export type CreatedToken = Static<typeof TokenCreated>;

/*
 * Roles, audit and recycle bin: the route schemas (schemas/api/role-schemas.ts,
 * audit-schemas.ts), plus the lists of levels the matrix editor offers.
 */

export const SCOPES = ['none', 'own', 'department', 'all'] as const;
export type Scope = (typeof SCOPES)[number];

export const ENTITY_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'import'] as const;
export type EntityAction = (typeof ENTITY_ACTIONS)[number];

/** The matrix's rows: every entity type the schema knows. */
export const MATRIX_ENTITIES = ENTITY_TYPES;

/** One entity's row of the permission matrix. */
export type EntityPermissions = Record<EntityAction, Scope> & {
  /** Stage limits by pipeline key; absent: every stage. */
  stages?: Record<string, string[]>;
};

export const AUTOMATION_RIGHTS = ['view', 'editDrafts', 'simulate', 'publish', 'rollBack'] as const;
export type AutomationRight = (typeof AUTOMATION_RIGHTS)[number];

/** The levels of each permission that is neither an entity nor an automation right. */
export const OTHER_LEVELS = {
  directory: ['none', 'view', 'manage'],
  roles: ['none', 'view', 'manage'],
  accounts: ['none', 'view', 'manage'],
  tokens: ['none', 'own', 'manage'],
  settings: ['none', 'view', 'manage'],
  audit: ['none', 'view', 'export'],
  recycleBin: ['none', 'view', 'restore', 'purge'],
} as const;
export type OtherPermission = keyof typeof OTHER_LEVELS;

/** A role's rights (the caller's effective rights in `GET /api/auth/me` `permissions`). */
export type RolePermissions = Static<typeof RolePermissionsSchema>;

/** `GET /api/roles` items. */
export type RoleView = Static<typeof RoleViewSchema>;

/** Who did something (runtime/domain/actor.ts). */
export type ActorView =
  | { kind: 'person'; accountId: string; userId: string; name: string; role: string }
  | { kind: 'token'; tokenId: string; name: string; role: string; accountId: string }
  | { kind: 'robot'; modelId: string; version: number; ruleId: string; ruleName?: string }
  | { kind: 'system'; name: string };

/** One line of `GET /api/audit` (the schema leaves the actor open; its kinds are these). */
export type AuditEntryView = Omit<Static<typeof AuditEntrySchema>, 'actor'> & {
  readonly actor: ActorView;
};

/** Filters of `GET /api/audit` (empty strings are left out of the query). */
export interface AuditFilters {
  readonly actor?: string;
  readonly entity?: string;
  readonly record?: string;
  readonly kind?: string;
  /** ISO times. */
  readonly from?: string;
  readonly to?: string;
}

/** One line of `GET /api/recycle-bin`. */
export type RecycleBinItem = Omit<Static<typeof RecycleBinItemSchema>, 'deletedBy'> & {
  readonly deletedBy: ActorView;
};

/** A page of a list route. */
export interface Page<T> {
  readonly items: T[];
  readonly nextCursor: string | null;
}

/** A directory user an account may belong to. */
export interface DirectoryUserOption {
  readonly key: string;
  readonly name: string;
  readonly email?: string;
}
