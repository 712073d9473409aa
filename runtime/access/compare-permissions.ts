import { ENTITY_TYPES } from '../../schemas/index.js';
import type { EntityPermissions, RolePermissions, Scope } from '../domain/security-types.js';
import { NO_PERMISSIONS } from './built-in-permissions.js';

/** Each level list runs from least to most: a later level includes the earlier ones. */
const SCOPES: readonly Scope[] = ['none', 'own', 'department', 'all'];
const LEVELS = {
  directory: ['none', 'view', 'manage'],
  roles: ['none', 'view', 'manage'],
  accounts: ['none', 'view', 'manage'],
  tokens: ['none', 'own', 'manage'],
  settings: ['none', 'view', 'manage'],
  audit: ['none', 'view', 'export'],
  recycleBin: ['none', 'view', 'restore', 'purge'],
} as const;
type Leveled = keyof typeof LEVELS;
const LEVELED = Object.keys(LEVELS) as Leveled[];
const ENTITY_ACTIONS = ['read', 'create', 'update', 'delete', 'export', 'import'] as const;
const AUTOMATION_ACTIONS = ['view', 'editDrafts', 'simulate', 'publish', 'rollBack'] as const;

const rank = (levels: readonly string[], v: string): number => levels.indexOf(v);
const least = <T extends string>(levels: readonly T[], a: T, b: T): T =>
  rank(levels, a) <= rank(levels, b) ? a : b;

type Stages = EntityPermissions['stages'];

/** Stages both limits allow (absent: every stage; a pipeline only one limits keeps its limit). */
function intersectStages(a: Stages, b: Stages): Stages {
  if (a === undefined) return b;
  if (b === undefined) return a;
  const out: Record<string, string[]> = { ...a };
  for (const [p, stages] of Object.entries(b))
    out[p] = a[p] === undefined ? [...stages] : a[p].filter((s) => stages.includes(s));
  return out;
}

/** Whether limit `inner` allows no stage that `outer` forbids. */
function stagesWithin(inner: Stages, outer: Stages): boolean {
  if (outer === undefined) return true;
  if (inner === undefined) return false;
  return Object.entries(outer).every(
    ([p, allowed]) => inner[p] !== undefined && inner[p].every((s) => allowed.includes(s)),
  );
}

const NO_ENTITY: EntityPermissions = {
  read: 'none',
  create: 'none',
  update: 'none',
  delete: 'none',
  export: 'none',
  import: 'none',
};

/**
 * The rights two roles have in common: what a token may do is its own role's rights
 * within its creator's (never more than the creator's).
 */
export function intersectPermissions(a: RolePermissions, b: RolePermissions): RolePermissions {
  const out: RolePermissions = structuredClone(NO_PERMISSIONS);
  for (const e of ENTITY_TYPES) {
    const x = a.entities[e] ?? NO_ENTITY;
    const y = b.entities[e] ?? NO_ENTITY;
    const row = { ...NO_ENTITY };
    for (const act of ENTITY_ACTIONS) row[act] = least(SCOPES, x[act], y[act]);
    const stages = intersectStages(x.stages, y.stages);
    out.entities[e] = stages === undefined ? row : { ...row, stages };
  }
  for (const act of AUTOMATION_ACTIONS)
    out.automations[act] = a.automations[act] && b.automations[act];
  for (const k of LEVELED)
    (out as unknown as Record<Leveled, string>)[k] = least<string>(LEVELS[k], a[k], b[k]);
  out.hookSecrets = a.hookSecrets && b.hookSecrets;
  return out;
}

/** Whether `inner` grants nothing `outer` does not (a role one may hand out). */
export function permissionsWithin(inner: RolePermissions, outer: RolePermissions): boolean {
  for (const e of ENTITY_TYPES) {
    const x = inner.entities[e] ?? NO_ENTITY;
    const y = outer.entities[e] ?? NO_ENTITY;
    if (ENTITY_ACTIONS.some((act) => rank(SCOPES, x[act]) > rank(SCOPES, y[act]))) return false;
    const grantsAny = ENTITY_ACTIONS.some((act) => x[act] !== 'none');
    if (grantsAny && !stagesWithin(x.stages, y.stages)) return false;
  }
  if (AUTOMATION_ACTIONS.some((act) => inner.automations[act] && !outer.automations[act]))
    return false;
  if (LEVELED.some((k) => rank(LEVELS[k], inner[k]) > rank(LEVELS[k], outer[k]))) return false;
  return !inner.hookSecrets || outer.hookSecrets;
}
