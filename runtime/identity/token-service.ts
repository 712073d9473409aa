import type { ApiTokenDoc } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import { HttpError } from '../http/http-error.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { Authenticated } from './authenticated.js';
import type { AccessService } from '../access/access-service.js';
import type { IdentityReads } from './identity-reads.js';
import { apiTokenId, newApiToken, randomId, sameDigest, sha256Hex } from './secret-tokens.js';
import type { SessionService } from './session-service.js';
import { StampedCache } from '../services/stamped-cache.js';

/** A token as lists show it: never the token, never its hash. */
export interface TokenSummary {
  id: string;
  name: string;
  role: string;
  createdBy: string;
  createdAt: string;
  lastUsedAt?: string;
}

const summary = (t: ApiTokenDoc): TokenSummary => ({
  id: t.id,
  name: t.name,
  role: t.role,
  createdBy: t.accountId,
  createdAt: t.createdAt,
  ...(t.lastUsedAt === undefined ? {} : { lastUsedAt: t.lastUsedAt }),
});

/** How often a token's last use is written: reads must not turn into writes. */
const LAST_USE_EVERY_MS = 60_000;

/** API tokens for scripts and integrations (`Authorization: Bearer cvy_...`). */
export class TokenService {
  /**
   * Tokens already checked, with the moment of their last use written: every request
   * of a script hashed its token and read token, account and user again. Kept until
   * a token, account or user changes (a revocation, a deactivation, that write).
   */
  private readonly checked: StampedCache<{ auth: Authenticated; lastUsedAt: number }>;

  constructor(
    private readonly core: RuntimeCore,
    private readonly reads: IdentityReads,
    private readonly sessions: SessionService,
    private readonly access: AccessService,
  ) {
    this.checked = new StampedCache(core.store, ['apiTokens', 'accounts', 'users']);
  }

  /** Creates a token with no more rights than its creator's; the token is in this answer only. */
  async create(
    by: Authenticated,
    input: { name: string; role: string },
    who: Who = { actor: by.actor },
  ): Promise<TokenSummary & { token: string }> {
    if (!(await this.access.exists(input.role)))
      throw new HttpError(422, 'UNKNOWN_ROLE', `/role: no role ${input.role}`);
    if (!(await this.access.grants(by, input.role)))
      throw new HttpError(
        403,
        'ROLE_TOO_HIGH',
        `/role: a token cannot have more rights than its creator (${by.actor.role})`,
      );
    const id = randomId(8);
    const token = newApiToken(id);
    const doc: ApiTokenDoc = {
      id,
      name: input.name.trim(),
      role: input.role,
      tokenHash: sha256Hex(token),
      accountId: by.account.id,
      createdAt: this.core.clock.now().toISOString(),
    };
    await this.core.changeAs(who, async (tx) => {
      tx.put('apiTokens', id, doc);
      // Name and role only: the token and its hash never reach the log.
      this.core.audit(tx, {
        kind: 'token.created',
        target: id,
        changes: { name: { after: doc.name }, role: { after: doc.role } },
      });
    });
    return { ...summary(doc), token };
  }

  private async managesTokens(by: Authenticated): Promise<boolean> {
    return (await this.access.forAuth(by)).can('manage', 'token');
  }

  /** Own tokens; every token for those who manage tokens. */
  async list(by: Authenticated): Promise<TokenSummary[]> {
    const all = await this.managesTokens(by);
    return (await this.reads.tokensOf(all ? undefined : by.account.id)).map(summary);
  }

  async revoke(by: Authenticated, id: string, who: Who = { actor: by.actor }): Promise<void> {
    const all = await this.managesTokens(by);
    await this.core.changeAs(who, async (tx) => {
      const t = await tx.get('apiTokens', id);
      const visible =
        t !== undefined && t.revokedAt === undefined && (t.accountId === by.account.id || all);
      if (!visible) throw new HttpError(404, 'NOT_FOUND', `token ${id} not found`);
      tx.put('apiTokens', id, { ...t, revokedAt: this.core.clock.now().toISOString() });
      this.core.audit(tx, { kind: 'token.revoked', target: id, detail: t.name });
    });
  }

  /**
   * The token behind a bearer value, or undefined. It acts with its own role, but
   * never with more rights than its creator's current ones; a deactivated creator ends it.
   */
  async authenticate(token: string): Promise<Authenticated | undefined> {
    const now = this.core.clock.now();
    await this.checked.sync();
    const known = this.checked.get(token);
    // Past a minute the whole check runs again: it writes the last use.
    if (known !== undefined && now.getTime() - known.lastUsedAt < LAST_USE_EVERY_MS)
      return known.auth;
    const stamp = this.checked.stamp();
    const found = await this.check(token, now);
    if (found === undefined) return undefined;
    return this.checked.set(token, found, stamp).auth;
  }

  /** The whole check: hash, token, account and user; writes the last use once a minute. */
  private async check(
    token: string,
    now: Date,
  ): Promise<{ auth: Authenticated; lastUsedAt: number } | undefined> {
    const id = apiTokenId(token);
    if (id === undefined) return undefined;
    const doc = await this.core.store.get('apiTokens', id);
    if (doc === undefined || doc.revokedAt !== undefined) return undefined;
    if (!sameDigest(doc.tokenHash, sha256Hex(token))) return undefined;
    const account = await this.sessions.usable(await this.reads.account(doc.accountId));
    if (account === undefined) return undefined;
    let lastUsedAt = doc.lastUsedAt === undefined ? NaN : Date.parse(doc.lastUsedAt);
    if (!(now.getTime() - lastUsedAt < LAST_USE_EVERY_MS)) {
      lastUsedAt = now.getTime();
      await this.core
        .change(async (tx) => {
          const cur = await tx.get('apiTokens', id);
          if (cur !== undefined) tx.put('apiTokens', id, { ...cur, lastUsedAt: now.toISOString() });
        })
        .catch(() => undefined);
    }
    // Its rights are its role's within the creator's current ones (`AccessService.forAuth`);
    // an owner token of a creator no longer owner loses the owner role outright.
    const role = doc.role === 'owner' && account.role !== 'owner' ? account.role : doc.role;
    const auth: Authenticated = {
      account,
      actor: {
        kind: 'token',
        tokenId: doc.id,
        name: doc.name,
        role,
        accountId: account.id,
        userId: account.userId,
      },
      via: 'token',
    };
    return { auth, lastUsedAt };
  }
}
