import {
  AUTOMATION_RIGHTS,
  MATRIX_ENTITIES,
  OTHER_LEVELS,
  type OtherPermission,
  type RolePermissions,
} from './access-types.js';

/**
 * The permission matrix from `GET /api/auth/me` `permissions`, or `null` while the
 * runtime only names the role there: then the designer derives nothing and hides
 * nothing (the runtime still refuses what is not allowed).
 *
 * @example matrixOf({ role: 'viewer' }) // null
 */
export function matrixOf(permissions: unknown): RolePermissions | null {
  if (typeof permissions !== 'object' || permissions === null) return null;
  const p = permissions as Partial<Record<string, unknown>>;
  const automations = p.automations as Partial<Record<string, unknown>> | undefined;
  if (typeof p.entities !== 'object' || p.entities === null) return null;
  if (typeof automations !== 'object' || automations === null) return null;
  if (!AUTOMATION_RIGHTS.every((r) => typeof automations[r] === 'boolean')) return null;
  const others = Object.keys(OTHER_LEVELS) as OtherPermission[];
  if (!others.every((k) => typeof p[k] === 'string')) return null;
  return permissions as RolePermissions;
}

/** The levels of a permission from lowest to highest, so "at least" is a comparison. */
function rank<K extends OtherPermission>(key: K, level: string): number {
  return (OTHER_LEVELS[key] as readonly string[]).indexOf(level);
}

/**
 * Whether the matrix grants at least `level` of `key`; with no matrix, yes.
 *
 * @example allows(null, 'audit', 'view') // true: nothing is derived without a matrix
 */
export function allows<K extends OtherPermission>(
  matrix: RolePermissions | null,
  key: K,
  level: (typeof OTHER_LEVELS)[K][number],
): boolean {
  if (matrix === null) return true;
  return rank(key, matrix[key]) >= rank(key, level);
}

/** Whether the matrix grants an automation right; with no matrix, yes. */
export function allowsAutomation(
  matrix: RolePermissions | null,
  right: (typeof AUTOMATION_RIGHTS)[number],
): boolean {
  return matrix === null || matrix.automations[right];
}

/** Whether the role may delete records of some entity at all; with no matrix, yes. */
export function allowsAnyDelete(matrix: RolePermissions | null): boolean {
  if (matrix === null) return true;
  return MATRIX_ENTITIES.some((e) => (matrix.entities[e]?.delete ?? 'none') !== 'none');
}
