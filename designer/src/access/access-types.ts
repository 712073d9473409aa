import type { Static } from '@sinclair/typebox';
import type {
  AccountView,
  MeAnswer,
  SessionView,
  TokenCreated,
  TokenView,
} from '../../../schemas/api/identity-schemas.js';
import { ENTITY_TYPES, type EntityType } from '../../../schemas/index.js';

// Identity answers come from the route schemas (schemas/api/identity-schemas.ts).
export type { AccountView, MeAnswer, TokenView };
export type SessionInfo = Static<typeof SessionView>;
export type CreatedToken = Static<typeof TokenCreated>;

/*
 * Roles, audit and recycle-bin shapes as /work SHARED-SHAPES and docs/contracts.md fix
 * them (the runtime types live in runtime/domain/security-types.ts, which the designer
 * may not import: it talks to the runtime over HTTP only).
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
export type RolePermissions = {
  entities: Partial<Record<EntityType, EntityPermissions>>;
  automations: Record<AutomationRight, boolean>;
  /** Inbound hook addresses and their secrets. */
  hookSecrets: boolean;
} & { [K in OtherPermission]: (typeof OTHER_LEVELS)[K][number] };

/** `GET /api/roles` items. */
export interface RoleView {
  readonly key: string;
  readonly name: string;
  readonly builtIn: boolean;
  readonly permissions: RolePermissions;
}

/** Who did something (runtime/domain/actor.ts). */
export type ActorView =
  | { kind: 'person'; accountId: string; userId: string; name: string; role: string }
  | { kind: 'token'; tokenId: string; name: string; role: string; accountId: string }
  | { kind: 'robot'; modelId: string; version: number; ruleId: string; ruleName?: string }
  | { kind: 'system'; name: string };

/** One line of `GET /api/audit`. */
export interface AuditEntryView {
  readonly id: string;
  readonly at: string;
  readonly actor: ActorView;
  readonly address?: string;
  readonly kind: string;
  readonly entity?: EntityType;
  readonly recordId?: string;
  readonly target?: string;
  readonly outcome: 'success' | 'failure';
  readonly changes?: Record<string, { before?: unknown; after?: unknown }>;
  readonly detail?: string;
}

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
export interface RecycleBinItem {
  readonly key: string;
  readonly entity: EntityType;
  readonly recordId: string;
  readonly title: string;
  readonly deletedAt: string;
  readonly deletedBy: ActorView;
  readonly purgeAfter: string;
}

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
