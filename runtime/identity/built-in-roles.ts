/**
 * The built-in roles, most powerful first. Until the permission matrix decides (issue
 * 12, `access`), this order is what "never more than its creator's rights" means.
 */
export const BUILT_IN_ROLES = [
  'owner',
  'administrator',
  'automation_editor',
  'integrator',
  'manager',
  'viewer',
] as const;
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number];

export function isBuiltInRole(role: string): role is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(role);
}

/**
 * Whether a holder of `granter` may hand out `role` (to a token or an account): a
 * built-in role ranked at or below the granter's. Custom roles: only the owner and
 * administrators, until the matrix compares rights.
 *
 * @example roleWithin('administrator', 'manager') // true
 * @example roleWithin('manager', 'administrator') // false
 */
export function roleWithin(granter: string, role: string): boolean {
  if (!isBuiltInRole(granter)) return false;
  if (!isBuiltInRole(role)) return granter === 'owner' || granter === 'administrator';
  return BUILT_IN_ROLES.indexOf(role) >= BUILT_IN_ROLES.indexOf(granter);
}

/** Roles that manage accounts until the matrix says who may (`access` wires it). */
export function managesAccounts(role: string): boolean {
  return role === 'owner' || role === 'administrator';
}
