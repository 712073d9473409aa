import { readAllPages } from '../domain/read-all-pages.js';
import type { AccountDoc, ApiTokenDoc, SessionDoc } from '../domain/security-types.js';
import type { Store } from '../domain/store-port.js';

/**
 * Every lookup the identity services make, in one place, as filtered queries of the
 * store contract (`accounts` by email or role, `sessions` and `apiTokens` by account).
 * Whole lists are bounded by people, browsers and scripts, never by records.
 */
export class IdentityReads {
  constructor(private readonly store: Store) {}

  account(id: string): Promise<AccountDoc | undefined> {
    return this.store.get('accounts', id);
  }

  async accountByEmail(email: string): Promise<AccountDoc | undefined> {
    const wanted = email.trim().toLowerCase();
    return (await this.store.query('accounts', { email: wanted }, { limit: 1 })).items[0];
  }

  /** Every account, oldest first. */
  accounts(): Promise<AccountDoc[]> {
    return readAllPages(this.store, 'accounts', {});
  }

  accountsOfUser(userId: string): Promise<AccountDoc[]> {
    return readAllPages(this.store, 'accounts', { userId });
  }

  async hasOwner(): Promise<boolean> {
    return (await this.store.query('accounts', { role: 'owner' }, { limit: 1 })).items.length > 0;
  }

  /** The account's sessions, oldest first. */
  sessionsOf(accountId: string): Promise<SessionDoc[]> {
    return readAllPages(this.store, 'sessions', { accountId });
  }

  /** Tokens not revoked, of one account or (undefined) of all, oldest first. */
  async tokensOf(accountId: string | undefined): Promise<ApiTokenDoc[]> {
    const all = await readAllPages(
      this.store,
      'apiTokens',
      accountId === undefined ? {} : { accountId },
    );
    return all.filter((t) => t.revokedAt === undefined);
  }
}
