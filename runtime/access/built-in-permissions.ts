import { ENTITY_TYPES, type EntityType } from '../../schemas/index.js';
import type { EntityPermissions, RolePermissions, Scope } from '../domain/security-types.js';
import type { BuiltInRole } from '../identity/built-in-roles.js';

const row = (
  read: Scope,
  create: Scope = 'none',
  update: Scope = 'none',
  del: Scope = 'none',
  exp: Scope = 'none',
  imp: Scope = 'none',
): EntityPermissions => ({ read, create, update, delete: del, export: exp, import: imp });

const everyEntity = (p: EntityPermissions): Partial<Record<EntityType, EntityPermissions>> =>
  Object.fromEntries(ENTITY_TYPES.map((e) => [e, { ...p }]));

const NO_AUTOMATIONS = {
  view: false,
  editDrafts: false,
  simulate: false,
  publish: false,
  rollBack: false,
};
const VIEW_AUTOMATIONS = { ...NO_AUTOMATIONS, view: true };
const ALL_AUTOMATIONS = {
  view: true,
  editDrafts: true,
  simulate: true,
  publish: true,
  rollBack: true,
};

/**
 * What each built-in role may do (issue 12's matrix). Every role may hold API tokens of
 * its own (`tokens: 'own'`): a token never carries more than its creator's rights, so
 * it adds no power, and scripts of any role need one. The owner-only things that the
 * administrator lacks: purging the recycle bin, and the owner role and account (see
 * `grantsRole`, `OWNER_PROTECTED`).
 */
export const BUILT_IN_PERMISSIONS: Readonly<Record<BuiltInRole, RolePermissions>> = {
  owner: {
    entities: everyEntity(row('all', 'all', 'all', 'all', 'all', 'all')),
    automations: ALL_AUTOMATIONS,
    directory: 'manage',
    roles: 'manage',
    accounts: 'manage',
    tokens: 'manage',
    settings: 'manage',
    audit: 'export',
    recycleBin: 'purge',
    hookSecrets: true,
  },
  administrator: {
    entities: everyEntity(row('all', 'all', 'all', 'all', 'all', 'all')),
    automations: ALL_AUTOMATIONS,
    directory: 'manage',
    roles: 'manage',
    accounts: 'manage',
    tokens: 'manage',
    settings: 'manage',
    audit: 'export',
    recycleBin: 'restore',
    hookSecrets: true,
  },
  automation_editor: {
    entities: everyEntity(row('all')),
    automations: ALL_AUTOMATIONS,
    directory: 'view',
    roles: 'none',
    accounts: 'none',
    tokens: 'own',
    settings: 'none',
    audit: 'none',
    recycleBin: 'none',
    hookSecrets: true,
  },
  integrator: {
    entities: everyEntity(row('all', 'all', 'all')),
    automations: VIEW_AUTOMATIONS,
    directory: 'view',
    roles: 'none',
    accounts: 'none',
    tokens: 'own',
    settings: 'none',
    audit: 'none',
    recycleBin: 'none',
    hookSecrets: true,
  },
  manager: {
    entities: everyEntity(row('own', 'own', 'own')),
    automations: VIEW_AUTOMATIONS,
    directory: 'view',
    roles: 'none',
    accounts: 'none',
    tokens: 'own',
    settings: 'none',
    audit: 'none',
    recycleBin: 'none',
    hookSecrets: false,
  },
  viewer: {
    entities: everyEntity(row('all')),
    automations: VIEW_AUTOMATIONS,
    directory: 'view',
    roles: 'none',
    accounts: 'none',
    tokens: 'own',
    settings: 'none',
    audit: 'none',
    recycleBin: 'none',
    hookSecrets: false,
  },
};

/** A role that may do nothing (an unknown custom role: deleted while held, say). */
export const NO_PERMISSIONS: RolePermissions = {
  entities: {},
  automations: NO_AUTOMATIONS,
  directory: 'none',
  roles: 'none',
  accounts: 'none',
  tokens: 'none',
  settings: 'none',
  audit: 'none',
  recycleBin: 'none',
  hookSecrets: false,
};
