import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** The built-in roles, highest first (the runtime's order until the matrix compares). */
export const BUILT_IN_ROLES = [
  'owner',
  'administrator',
  'automation_editor',
  'integrator',
  'manager',
  'viewer',
] as const;

/**
 * A role's name in the UI language: built-ins translated, custom roles by their own
 * name when known, else their key.
 *
 * @example const label = useRoleLabel(); label('automation_editor') // 'Automation editor'
 */
export function useRoleLabel(names?: ReadonlyMap<string, string>): (key: string) => string {
  const { t, i18n } = useTranslation();
  return useCallback(
    (key: string) => {
      const k = `access.role.${key}`;
      if ((BUILT_IN_ROLES as readonly string[]).includes(key) && i18n.exists(k)) return t(k);
      return names?.get(key) ?? key;
    },
    [t, i18n, names],
  );
}
