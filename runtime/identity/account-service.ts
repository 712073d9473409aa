import type { AuditKind } from '../../schemas/api/audit-kinds.js';
import { deriveKey } from '../../schemas/keys/derive-key.js';
import type { User } from '../../schemas/index.js';
import type { AccountDoc } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import { fieldChanges } from '../engine/append-audit.js';
import type { Tx } from '../engine/tx.js';
import type { AccessService } from '../access/access-service.js';
import { HttpError, notFound } from '../http/http-error.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { Authenticated, PublicAccount } from './authenticated.js';
import { publicAccount } from './authenticated.js';
import type { IdentityReads } from './identity-reads.js';
import { hashPassword, PASSWORD_MAX, PASSWORD_MIN } from './password-hash.js';
import { randomId } from './secret-tokens.js';

export interface NewAccount {
  email: string;
  password: string;
  name?: string;
  userId?: string;
  role: string;
}

/** What an account's audit entries may show of it (never the password hash). */
const HIDDEN = ['passwordHash', 'updatedAt', 'createdAt', 'passwordChangedAt', 'id'];

export interface AccountPatch {
  role?: string;
  active?: boolean;
  name?: string;
}

/** Ends every session and token of an account in the same batch as the change that calls for it. */
export async function endAccessOf(
  tx: Tx,
  reads: IdentityReads,
  accountId: string,
  now: string,
  exceptSession?: string,
): Promise<void> {
  for (const s of await reads.sessionsOf(accountId))
    if (s.id !== exceptSession) tx.delete('sessions', s.id);
  for (const t of await reads.tokensOf(accountId))
    tx.put('apiTokens', t.id, { ...t, revokedAt: now });
}

export function checkPassword(password: string, where = '/password'): void {
  if (password.length < PASSWORD_MIN || password.length > PASSWORD_MAX)
    throw new HttpError(
      422,
      'WEAK_PASSWORD',
      `${where}: a password needs ${PASSWORD_MIN} to ${PASSWORD_MAX} characters`,
    );
}

/** Accounts: who may sign in, as which directory user, with which role. */
export class AccountService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly reads: IdentityReads,
    private readonly access: AccessService,
  ) {}

  private now(): string {
    return this.core.clock.now().toISOString();
  }

  async list(): Promise<PublicAccount[]> {
    return (await this.reads.accounts()).map(publicAccount);
  }

  async get(id: string): Promise<AccountDoc> {
    const a = await this.reads.account(id);
    if (a === undefined) throw notFound(`account ${id}`);
    return a;
  }

  private async checkRole(role: string, by: Authenticated | undefined): Promise<void> {
    if (!(await this.access.exists(role)))
      throw new HttpError(422, 'UNKNOWN_ROLE', `/role: no role ${role}`);
    if (by !== undefined && !(await this.access.grants(by, role)))
      throw new HttpError(
        403,
        'ROLE_TOO_HIGH',
        `/role: ${role} has more rights than your own role (${by.actor.role})`,
      );
  }

  /**
   * Creates an account, and its directory user when `userId` is absent (key derived
   * from the email). `by` absent: the server itself (setup, `OWNER_EMAIL`).
   */
  async create(
    input: NewAccount,
    by?: Authenticated,
    /** Runs first in the same change (the setup token is checked and spent with it). */
    guard?: (tx: Tx) => Promise<void>,
    /** The request (default: `by`, else the server); `kind` of its audit entry. */
    who: Who | undefined = by === undefined ? undefined : { actor: by.actor },
    kind: AuditKind = 'account.created',
  ): Promise<AccountDoc> {
    const email = input.email.trim().toLowerCase();
    checkPassword(input.password);
    await this.checkRole(input.role, by);
    const passwordHash = await hashPassword(input.password);
    return this.core.changeAs(who, async (tx) => {
      await guard?.(tx);
      if ((await this.reads.accountByEmail(email)) !== undefined)
        throw new HttpError(409, 'EMAIL_TAKEN', `/email: an account with ${email} exists already`);
      const now = this.now();
      let userId = input.userId;
      let name = input.name?.trim();
      if (userId !== undefined) {
        const user = await tx.get('users', userId);
        if (user === undefined)
          throw new HttpError(422, 'UNKNOWN_USER', `/userId: no user ${userId}`);
        name ||= user.name;
      } else {
        const existing = (await this.core.store.listAll('users')).find(
          (u) => u.email?.toLowerCase() === email,
        );
        if (existing !== undefined) {
          userId = existing.key;
          name ||= existing.name;
        } else {
          const taken = new Set((await this.core.store.listAll('users')).map((u) => u.key));
          userId = deriveKey(email.split('@')[0] ?? email, taken, 'user');
          name ||= email.split('@')[0] ?? email;
          const user: User = { key: userId, name, email };
          tx.put('users', userId, user);
        }
      }
      const account: AccountDoc = {
        id: `acc_${randomId(8)}`,
        email,
        name: name ?? email,
        passwordHash,
        userId,
        role: input.role,
        active: true,
        createdAt: now,
        updatedAt: now,
        passwordChangedAt: now,
      };
      tx.put('accounts', account.id, account);
      this.core.audit(tx, {
        kind,
        target: account.id,
        changes: fieldChanges(undefined, account, HIDDEN) ?? {},
      });
      return account;
    });
  }

  /** Role, name and active flag; deactivating ends the account's sessions and tokens at once. */
  async update(
    id: string,
    patch: AccountPatch,
    by: Authenticated,
    who: Who = { actor: by.actor },
  ): Promise<AccountDoc> {
    if (patch.role !== undefined) await this.checkRole(patch.role, by);
    return this.core.changeAs(who, async (tx) => {
      const cur = await tx.get('accounts', id);
      if (cur === undefined) throw notFound(`account ${id}`);
      if (cur.role === 'owner' && by.actor.role !== 'owner')
        throw new HttpError(403, 'OWNER_PROTECTED', 'only the owner may change the owner account');
      const losesOwner =
        cur.role === 'owner' &&
        ((patch.role !== undefined && patch.role !== 'owner') || patch.active === false);
      if (losesOwner) {
        const owners = (await this.reads.accounts()).filter(
          (a) => a.role === 'owner' && a.active && a.id !== id,
        );
        if (owners.length === 0)
          throw new HttpError(
            409,
            'LAST_OWNER',
            'the last active owner cannot be demoted or deactivated',
          );
      }
      const next: AccountDoc = {
        ...cur,
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.active === undefined ? {} : { active: patch.active }),
        ...(patch.name === undefined ? {} : { name: patch.name.trim() || cur.name }),
        updatedAt: this.now(),
      };
      tx.put('accounts', id, next);
      const changes = fieldChanges(cur, next, HIDDEN);
      this.core.audit(tx, {
        kind: 'account.updated',
        target: id,
        ...(changes === undefined ? {} : { changes }),
        ...(patch.active === false
          ? { detail: 'its sessions and tokens ended', detailCode: 'sessions_ended' as const }
          : {}),
      });
      // A role change needs nothing more: sessions read the account on every request,
      // and a token never acts above its creator's current role.
      if (patch.active === false) await endAccessOf(tx, this.reads, id, next.updatedAt);
      return next;
    });
  }

  /**
   * Sets a new password; every session but `keepSession` ends (an admin's reset ends
   * them all). Tokens stay: they are the scripts' credentials, not the password's.
   */
  async setPassword(
    id: string,
    password: string,
    keepSession?: string,
    who?: Who,
    kind: AuditKind = 'account.password_changed',
  ): Promise<void> {
    checkPassword(password, '/newPassword');
    const passwordHash = await hashPassword(password);
    await this.core.changeAs(who, async (tx) => {
      const cur = await tx.get('accounts', id);
      if (cur === undefined) throw notFound(`account ${id}`);
      const now = this.now();
      tx.put('accounts', id, { ...cur, passwordHash, passwordChangedAt: now, updatedAt: now });
      for (const s of await this.reads.sessionsOf(id))
        if (s.id !== keepSession) tx.delete('sessions', s.id);
      this.core.audit(tx, { kind, target: id });
    });
  }
}
