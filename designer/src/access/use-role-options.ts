import { useEffect, useState } from 'react';
import { useAccessApi } from './access-api-context.js';
import { BUILT_IN_ROLES } from './role-label.js';

/** A role one may pick for an account or a token. */
export interface RoleOption {
  readonly key: string;
  /** A custom role's own name (built-ins are translated by `useRoleLabel`). */
  readonly name?: string;
}

/**
 * The roles to choose from: `GET /api/roles` when the runtime has it, else the
 * built-in roles (a runtime before the matrix).
 *
 * @example const roles = useRoleOptions(); roles.map((r) => r.key)
 */
export function useRoleOptions(): readonly RoleOption[] {
  const api = useAccessApi();
  const [roles, setRoles] = useState<readonly RoleOption[]>(() =>
    BUILT_IN_ROLES.map((key) => ({ key })),
  );
  useEffect(() => {
    let live = true;
    api.listRoles().then(
      (page) =>
        live &&
        page.items.length > 0 &&
        setRoles(
          page.items.map((r) => (r.builtIn ? { key: r.key } : { key: r.key, name: r.name })),
        ),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api]);
  return roles;
}

/** Custom roles' names by key, for `useRoleLabel`. */
export function roleNames(roles: readonly RoleOption[]): ReadonlyMap<string, string> {
  return new Map(roles.flatMap((r) => (r.name === undefined ? [] : [[r.key, r.name] as const])));
}
