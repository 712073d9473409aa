import { AccessService } from '../access/access-service.js';
import type { Tx } from '../engine/tx.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import { AccountService, endAccessOf } from './account-service.js';
import { IdentityReads } from './identity-reads.js';
import type { SessionPolicy } from './session-policy.js';
import { SessionService } from './session-service.js';
import { SetupService } from './setup-service.js';
import { TokenService } from './token-service.js';

/** Accounts, sessions, API tokens and the owner's setup, over one store. */
export class Identity {
  readonly reads: IdentityReads;
  readonly accounts: AccountService;
  readonly sessions: SessionService;
  readonly tokens: TokenService;
  readonly setup: SetupService;
  /** Roles and each caller's rights (the permission matrix). */
  readonly access: AccessService;

  constructor(
    private readonly core: RuntimeCore,
    policy: SessionPolicy,
  ) {
    this.reads = new IdentityReads(core.store);
    this.access = new AccessService(core.store);
    this.accounts = new AccountService(core, this.reads, this.access);
    this.sessions = new SessionService(core, this.reads, policy);
    this.tokens = new TokenService(core, this.reads, this.sessions, this.access);
    this.setup = new SetupService(core, this.reads, this.accounts);
  }

  /**
   * A directory user was deactivated or removed: its accounts' sessions and tokens end
   * in the same batch (authentication also refuses them meanwhile).
   */
  async userEnded(tx: Tx, userKey: string): Promise<void> {
    const now = this.core.clock.now().toISOString();
    for (const a of await this.reads.accountsOfUser(userKey))
      await endAccessOf(tx, this.reads, a.id, now);
  }
}
