/**
 * The built-in roles, most powerful first (their rights: `access/built-in-permissions.ts`;
 * who may hand out which role compares rights, not this order).
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
