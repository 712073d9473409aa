import type { Actor } from '../domain/actor.js';
import type { RolePermissions } from '../domain/security-types.js';
import type { Store } from '../domain/store-port.js';
import type { Authenticated } from '../identity/authenticated.js';
import { isBuiltInRole } from '../identity/built-in-roles.js';
import { abilityOf, unrestrictedAbility } from './ability.js';
import { Access } from './access.js';
import { BUILT_IN_PERMISSIONS, NO_PERMISSIONS } from './built-in-permissions.js';
import { intersectPermissions, permissionsWithin } from './compare-permissions.js';
import { departmentUsers } from './department-users.js';
import { BUILT_IN_ROLE_NAMES } from './role-names.js';
import { StampedCache } from '../services/stamped-cache.js';

export interface ResolvedRole {
  key: string;
  name: string;
  builtIn: boolean;
  permissions: RolePermissions;
}

const usesDepartment = (p: RolePermissions): boolean =>
  Object.values(p.entities).some((row) =>
    Object.values(row).some((scope) => scope === 'department'),
  );

/** Roles (built-in and custom) and each caller's rights. */
export class AccessService {
  /** Rights already worked out (a CASL ability per request was 4% of a move's time). */
  private readonly known: StampedCache<Access>;

  constructor(private readonly store: Pick<Store, 'get' | 'listAll' | 'changeStamp'>) {
    this.known = new StampedCache(store, ['roles', 'users', 'departments']);
  }

  /** A role by key; an unknown one (a custom role deleted meanwhile) may do nothing. */
  async role(key: string): Promise<ResolvedRole> {
    if (isBuiltInRole(key))
      return {
        key,
        name: BUILT_IN_ROLE_NAMES[key],
        builtIn: true,
        permissions: BUILT_IN_PERMISSIONS[key],
      };
    const doc = await this.store.get('roles', key);
    return doc === undefined
      ? { key, name: key, builtIn: false, permissions: NO_PERMISSIONS }
      : { key, name: doc.name, builtIn: false, permissions: doc.permissions };
  }

  /** Whether a role exists (built-in or stored). */
  async exists(key: string): Promise<boolean> {
    return isBuiltInRole(key) || (await this.store.get('roles', key)) !== undefined;
  }

  /**
   * Whether `by` may hand `role` out (to an account or a token): never more than their
   * own rights, and the owner role only by an owner.
   */
  async grants(by: Authenticated, role: string): Promise<boolean> {
    if (role === 'owner') return by.account.role === 'owner' && by.actor.role === 'owner';
    const mine = (await this.forAuth(by)).permissions;
    return permissionsWithin((await this.role(role)).permissions, mine);
  }

  /** The caller's rights: a person's role; a token's role within its creator's current one. */
  async forAuth(auth: Authenticated): Promise<Access> {
    // Everything the rights depend on besides roles, users and departments.
    const key = `${auth.actor.kind}\u0000${auth.actor.role}\u0000${auth.account.role}\u0000${auth.account.id}\u0000${auth.account.userId}`;
    const known = this.known.get(key);
    if (known !== undefined) return known;
    const stamp = this.known.stamp();
    return this.known.set(key, await this.rightsOf(auth), stamp);
  }

  private async rightsOf(auth: Authenticated): Promise<Access> {
    const own = await this.role(auth.actor.role);
    let permissions = own.permissions;
    if (auth.actor.kind === 'token' && auth.account.role !== auth.actor.role)
      permissions = intersectPermissions(
        permissions,
        (await this.role(auth.account.role)).permissions,
      );
    const userId = auth.account.userId;
    const dept = usesDepartment(permissions)
      ? departmentUsers(
          {
            users: await this.store.listAll('users'),
            departments: await this.store.listAll('departments'),
          },
          userId,
        )
      : [userId];
    const ability = abilityOf(permissions, {
      accountId: auth.account.id,
      userId,
      departmentUsers: () => dept,
    });
    return new Access(own.name, permissions, ability);
  }

  /** Robots and the server: never blocked. */
  forMachine(actor: Extract<Actor, { kind: 'robot' } | { kind: 'system' }>): Access {
    const name = actor.kind === 'robot' ? `robot ${actor.ruleId}` : actor.name;
    return new Access(name, BUILT_IN_PERMISSIONS.owner, unrestrictedAbility());
  }
}
