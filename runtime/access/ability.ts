import { AbilityBuilder, createMongoAbility, type MongoAbility } from '@casl/ability';
import { ENTITY_TYPES, type EntityType } from '../../schemas/index.js';
import type { EntityPermissions, RolePermissions, Scope } from '../domain/security-types.js';

export const RECORD_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'import'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];
export type AutomationAction = keyof RolePermissions['automations'];

/** What a permission is about besides records (each entity type is a subject of its own). */
export const OTHER_SUBJECTS = [
  'automation',
  'directory',
  'role',
  'account',
  'token',
  'setting',
  'audit',
  'recycleBin',
  'hookSecret',
] as const;
export type OtherSubject = (typeof OTHER_SUBJECTS)[number];
export type AccessSubject = EntityType | OtherSubject;

/**
 * Actions: the record actions on entity types; `view`, `editDrafts`, `simulate`,
 * `publish`, `rollBack` on automations; `view`/`manage` on the directory, roles,
 * accounts and settings; `create`/`view`/`revoke` on tokens; `view`/`export` on the
 * audit log; `view`/`restore`/`purge` on the recycle bin; `view` on hook secrets.
 * (`manage` is CASL's "any action".)
 */
export type AccessAction =
  RecordAction | AutomationAction | 'manage' | 'revoke' | 'restore' | 'purge';

/** The properties of a record a rule's conditions look at (`subject(entity, ...)`). */
export interface RecordFacts {
  responsible?: unknown;
  pipeline?: string | undefined;
  stage?: string | undefined;
}

export type AppAbility = MongoAbility<[AccessAction | string, AccessSubject | 'all' | object]>;

/** Who the scopes are relative to. */
export interface ScopeContext {
  accountId: string;
  /** The actor's directory user ("own" records: `fields.responsible` equals it). */
  userId: string;
  /** Users of the actor's department and its sub-departments (the actor included). */
  departmentUsers: () => readonly string[];
}

type Conditions = Record<string, unknown>;

function scopeCondition(scope: Scope, ctx: ScopeContext): Conditions | null | undefined {
  switch (scope) {
    case 'none':
      return null;
    case 'all':
      return undefined;
    case 'own':
      return { responsible: ctx.userId };
    case 'department':
      return { responsible: { $in: [...ctx.departmentUsers()] } };
  }
}

/**
 * The condition sets (any of them allows) of one record action: the scope, and with
 * stage limits one set per limited pipeline plus one for every other pipeline. CASL's
 * conditions have no `$or`: several rules are its "or".
 */
function recordRules(
  row: EntityPermissions,
  action: RecordAction,
  ctx: ScopeContext,
): Array<Conditions | undefined> {
  const base = scopeCondition(row[action], ctx);
  if (base === null) return [];
  if (row.stages === undefined) return [base];
  const limited = Object.keys(row.stages);
  return [
    { ...base, pipeline: { $nin: limited } },
    ...Object.entries(row.stages).map(([pipeline, stages]) => ({
      ...base,
      pipeline,
      stage: { $in: [...stages] },
    })),
  ];
}

/** CASL rules for a role's permissions, relative to the actor (`ctx`). */
export function abilityOf(p: RolePermissions, ctx: ScopeContext): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  for (const entity of ENTITY_TYPES) {
    const row = p.entities[entity];
    if (row === undefined) continue;
    for (const action of RECORD_ACTIONS)
      for (const c of recordRules(row, action, ctx))
        if (c === undefined) can(action, entity);
        else can(action, entity, c);
  }
  for (const [action, allowed] of Object.entries(p.automations))
    if (allowed) can(action, 'automation');
  const viewOrManage = [
    ['directory', p.directory],
    ['role', p.roles],
    ['account', p.accounts],
    ['setting', p.settings],
  ] as const;
  for (const [subject, level] of viewOrManage)
    if (level === 'view') can('view', subject);
    else if (level === 'manage') can('manage', subject);
  if (p.tokens === 'own') can(['create', 'view', 'revoke'], 'token', { accountId: ctx.accountId });
  else if (p.tokens === 'manage') can('manage', 'token');
  if (p.audit !== 'none') can('view', 'audit');
  if (p.audit === 'export') can('export', 'audit');
  if (p.recycleBin !== 'none') can('view', 'recycleBin');
  if (p.recycleBin === 'restore' || p.recycleBin === 'purge') can('restore', 'recycleBin');
  if (p.recycleBin === 'purge') can('purge', 'recycleBin');
  if (p.hookSecrets) can('view', 'hookSecret');
  return build();
}

/** Robots and the server itself: never blocked (who may publish decides what robots do). */
export function unrestrictedAbility(): AppAbility {
  const { can, build } = new AbilityBuilder<AppAbility>(createMongoAbility);
  can('manage', 'all');
  return build();
}
