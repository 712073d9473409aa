import type { AccountDoc } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import { HttpError } from '../http/http-error.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { AccountService } from './account-service.js';
import type { IdentityReads } from './identity-reads.js';
import { newSessionSecret, sameDigest, sha256Hex } from './secret-tokens.js';

/** The `settings` key of the one-time setup token's hash. */
export const SETUP_TOKEN_SETTING = 'setupToken';

/** The owner from `OWNER_EMAIL`, `OWNER_PASSWORD` and `OWNER_NAME`. */
export interface OwnerFromEnv {
  email: string;
  password: string;
  name?: string;
}

/**
 * The first owner: created from the environment, or through the one-time setup link the
 * server prints while there is none (whoever reaches the port first cannot take the
 * installation without the token from the server's own output).
 */
export class SetupService {
  /** Once an owner exists it stays (the last owner cannot be removed): no more reads. */
  private ownerKnown = false;

  constructor(
    private readonly core: RuntimeCore,
    private readonly reads: IdentityReads,
    private readonly accounts: AccountService,
  ) {}

  async needed(): Promise<boolean> {
    if (this.ownerKnown) return false;
    this.ownerKnown = await this.reads.hasOwner();
    return !this.ownerKnown;
  }

  /**
   * At start: creates the owner from the environment when there is none (idempotent:
   * an existing owner is left as it is); answers whether an owner exists now.
   */
  async ensureOwner(owner: OwnerFromEnv | undefined): Promise<boolean> {
    if (!(await this.needed())) return true;
    if (owner === undefined) return false;
    const existing = await this.reads.accountByEmail(owner.email);
    if (existing !== undefined) {
      // An account with that email exists but is not the owner: make it the owner.
      await this.core.change(async (tx) => {
        tx.put('accounts', existing.id, { ...existing, role: 'owner', active: true });
        this.core.audit(tx, {
          kind: 'account.updated',
          target: existing.id,
          changes: { role: { before: existing.role, after: 'owner' } },
          detail: 'made the owner from OWNER_EMAIL',
          detailCode: 'owner_from_env',
        });
      });
    } else {
      try {
        await this.accounts.create({
          email: owner.email,
          password: owner.password,
          role: 'owner',
          ...(owner.name === undefined ? {} : { name: owner.name }),
        });
      } catch (e) {
        // Processes starting together on one database: another made the owner first.
        const raced =
          e instanceof HttpError && e.code === 'EMAIL_TAKEN' && (await this.reads.hasOwner());
        if (!raced) throw e;
      }
    }
    this.ownerKnown = true;
    return true;
  }

  /**
   * A new one-time setup token (the previous one, from an earlier start, stops
   * working); only its hash is stored. Undefined when an owner exists.
   */
  async newSetupToken(): Promise<string | undefined> {
    if (!(await this.needed())) return undefined;
    const token = newSessionSecret();
    await this.core.change(async (tx) => {
      tx.put('settings', SETUP_TOKEN_SETTING, {
        key: SETUP_TOKEN_SETTING,
        value: { hash: sha256Hex(token) },
        updatedAt: this.core.clock.now().toISOString(),
      });
      // The token's hash is a secret too: the entry says only that a new one was made.
      this.core.audit(tx, { kind: 'setting.changed', target: SETUP_TOKEN_SETTING });
    });
    return token;
  }

  /** Creates the owner with the setup token; the token works once. */
  async complete(
    token: string,
    input: { email: string; password: string; name: string },
    address?: string,
  ): Promise<AccountDoc> {
    const who: Who = {
      actor: { kind: 'system', name: 'setup' },
      ...(address === undefined ? {} : { address }),
    };
    if (!(await this.needed()))
      throw new HttpError(410, 'SETUP_DONE', 'the owner exists already: sign in instead');
    const account = await this.accounts.create(
      { ...input, role: 'owner' },
      undefined,
      async (tx) => {
        // Checked and spent in the owner's own batch: two requests with one link make one owner.
        const setting = await tx.get('settings', SETUP_TOKEN_SETTING);
        const hash = (setting?.value as { hash?: unknown } | undefined)?.hash;
        if (typeof hash !== 'string' || !sameDigest(hash, sha256Hex(token)))
          throw (await this.reads.hasOwner())
            ? new HttpError(410, 'SETUP_DONE', 'the owner exists already: sign in instead')
            : new HttpError(
                403,
                'SETUP_TOKEN_INVALID',
                '/token: not the setup token this server printed at its last start',
              );
        tx.delete('settings', SETUP_TOKEN_SETTING);
      },
      who,
      'auth.setup',
    );
    this.ownerKnown = true;
    return account;
  }
}
