import type { RolePermissions } from './access-types.js';
import { allows } from './permissions.js';

/** The access screens, each at `#/<screen>`. */
export const ACCESS_SCREENS = [
  'users',
  'tokens',
  'roles',
  'audit',
  'recycle-bin',
  'sessions',
  'password',
] as const;
export type AccessScreen = (typeof ACCESS_SCREENS)[number];

/**
 * The access screen a hash names, or `null`.
 *
 * @example accessScreenOf('#/recycle-bin') // 'recycle-bin'
 */
export function accessScreenOf(hash: string): AccessScreen | null {
  const m = /^#\/([a-z-]+)\/?$/.exec(hash);
  const name = m?.[1];
  return (ACCESS_SCREENS as readonly string[]).includes(name ?? '') ? (name as AccessScreen) : null;
}

/** The hash of an access screen. */
export function accessHref(screen: AccessScreen): string {
  return `#/${screen}`;
}

/**
 * Whether the caller's matrix lets them see a screen at all (no matrix: every one).
 * Tokens, sessions and the password are everyone's own.
 */
export function screenAllowed(matrix: RolePermissions | null, screen: AccessScreen): boolean {
  switch (screen) {
    case 'users':
      return allows(matrix, 'accounts', 'view');
    case 'roles':
      return allows(matrix, 'roles', 'view');
    case 'audit':
      return allows(matrix, 'audit', 'view');
    case 'recycle-bin':
      return allows(matrix, 'recycleBin', 'view');
    case 'tokens':
      return allows(matrix, 'tokens', 'own');
    case 'sessions':
    case 'password':
      return true;
  }
}
