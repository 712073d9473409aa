import type { RoleDoc, RolePermissions } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { Authenticated } from '../identity/authenticated.js';
import { BUILT_IN_ROLES, isBuiltInRole } from '../identity/built-in-roles.js';
import type { IdentityReads } from '../identity/identity-reads.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { AccessService, ResolvedRole } from './access-service.js';
import { permissionsWithin } from './compare-permissions.js';

const builtIn = (key: string): HttpError =>
  new HttpError(409, 'BUILT_IN_ROLE', `${key} is a built-in role: it cannot be changed or removed`);

/** Custom roles on top of the built-in ones (`roles` collection). */
export class RoleService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly reads: IdentityReads,
    private readonly access: AccessService,
  ) {}

  /** Built-in roles first (most powerful first), then custom roles by key. */
  async list(): Promise<ResolvedRole[]> {
    const custom = (await this.core.store.listAll('roles')).sort((a, b) =>
      a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
    return [
      ...(await Promise.all(BUILT_IN_ROLES.map((k) => this.access.role(k)))),
      ...custom.map((d) => ({
        key: d.key,
        name: d.name,
        builtIn: false,
        permissions: d.permissions,
      })),
    ];
  }

  /** A role may not give more than its author has: no one hands out what they lack. */
  private async checkWithin(by: Authenticated, p: RolePermissions): Promise<void> {
    const mine = (await this.access.forAuth(by)).permissions;
    if (!permissionsWithin(p, mine))
      throw new HttpError(
        403,
        'ROLE_TOO_HIGH',
        '/permissions: a role cannot have more rights than its author',
      );
  }

  async create(
    by: Authenticated,
    input: { key: string; name: string; permissions: RolePermissions },
    who?: Who,
  ): Promise<ResolvedRole> {
    if (isBuiltInRole(input.key)) throw builtIn(input.key);
    await this.checkWithin(by, input.permissions);
    const now = this.core.clock.now().toISOString();
    const doc: RoleDoc = {
      key: input.key,
      name: input.name.trim() || input.key,
      permissions: input.permissions,
      createdAt: now,
      updatedAt: now,
    };
    await this.core.changeAs(who, async (tx) => {
      if ((await tx.get('roles', input.key)) !== undefined)
        throw new HttpError(409, 'ROLE_EXISTS', `/key: a role ${input.key} exists already`);
      tx.put('roles', doc.key, doc);
      this.core.audit(tx, {
        kind: 'role.created',
        target: doc.key,
        changes: { name: { after: doc.name }, permissions: { after: doc.permissions } },
      });
    });
    return { key: doc.key, name: doc.name, builtIn: false, permissions: doc.permissions };
  }

  async update(
    by: Authenticated,
    key: string,
    input: { name: string; permissions: RolePermissions },
    who?: Who,
  ): Promise<ResolvedRole> {
    if (isBuiltInRole(key)) throw builtIn(key);
    await this.checkWithin(by, input.permissions);
    const next = await this.core.changeAs(who, async (tx) => {
      const cur = await tx.get('roles', key);
      if (cur === undefined) throw notFound(`role ${key}`);
      const doc: RoleDoc = {
        ...cur,
        name: input.name.trim() || cur.name,
        permissions: input.permissions,
        updatedAt: this.core.clock.now().toISOString(),
      };
      tx.put('roles', key, doc);
      this.core.audit(tx, {
        kind: 'role.updated',
        target: key,
        changes: {
          name: { before: cur.name, after: doc.name },
          permissions: { before: cur.permissions, after: doc.permissions },
        },
      });
      return doc;
    });
    return { key, name: next.name, builtIn: false, permissions: next.permissions };
  }

  /** 409 `ROLE_IN_USE` while an account or a live token holds it. */
  async remove(key: string, who?: Who): Promise<void> {
    if (isBuiltInRole(key)) throw builtIn(key);
    await this.core.changeAs(who, async (tx) => {
      const cur = await tx.get('roles', key);
      if (cur === undefined) throw notFound(`role ${key}`);
      const holders = [
        ...(await this.reads.accounts()).filter((a) => a.role === key).map((a) => a.email),
        ...(await this.reads.tokensOf(undefined))
          .filter((t) => t.role === key)
          .map((t) => `token ${t.name}`),
      ];
      if (holders.length > 0)
        throw new HttpError(
          409,
          'ROLE_IN_USE',
          `role ${key} is held by ${holders.slice(0, 5).join(', ')}${holders.length > 5 ? ` and ${holders.length - 5} more` : ''}: give them another role first`,
        );
      tx.delete('roles', key);
      this.core.audit(tx, {
        kind: 'role.deleted',
        target: key,
        changes: { name: { before: cur.name }, permissions: { before: cur.permissions } },
      });
    });
  }
}
