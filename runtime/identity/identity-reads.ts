import type { AccountDoc, ApiTokenDoc, SessionDoc } from '../domain/security-types.js';
import type { Store } from '../store/store.js';

/**
 * Every lookup the identity services make, in one place: the store contract (issue 13)
 * answers these with filtered, paged queries (`accounts` by email, `sessions` and
 * `apiTokens` by account); until it lands they read the collections, which hold one
 * document per person, browser or script.
 */
export class IdentityReads {
  constructor(private readonly store: Store) {}

  account(id: string): Promise<AccountDoc | undefined> {
    return this.store.get('accounts', id);
  }

  async accountByEmail(email: string): Promise<AccountDoc | undefined> {
    const wanted = email.trim().toLowerCase();
    return (await this.store.list('accounts')).find((a) => a.email === wanted);
  }

  async accounts(): Promise<AccountDoc[]> {
    return (await this.store.list('accounts')).sort((a, b) =>
      a.createdAt.localeCompare(b.createdAt),
    );
  }

  async accountsOfUser(userId: string): Promise<AccountDoc[]> {
    return (await this.store.list('accounts')).filter((a) => a.userId === userId);
  }

  async hasOwner(): Promise<boolean> {
    return (await this.store.list('accounts')).some((a) => a.role === 'owner');
  }

  async sessionsOf(accountId: string): Promise<SessionDoc[]> {
    return (await this.store.list('sessions'))
      .filter((s) => s.accountId === accountId)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async tokensOf(accountId: string | undefined): Promise<ApiTokenDoc[]> {
    return (await this.store.list('apiTokens'))
      .filter(
        (t) => t.revokedAt === undefined && (accountId === undefined || t.accountId === accountId),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }
}
