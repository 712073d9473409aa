import type { Actor } from '../domain/actor.js';
import type { AccountDoc, SessionDoc } from '../domain/security-types.js';
import type { Who } from '../domain/who.js';
import type { AuditInput } from '../engine/append-audit.js';
import { HttpError } from '../http/http-error.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import type { Authenticated } from './authenticated.js';
import { personActor } from './authenticated.js';
import type { IdentityReads } from './identity-reads.js';
import { verifyPassword } from './password-hash.js';
import { newSessionSecret, sha256Hex } from './secret-tokens.js';
import type { SessionPolicy } from './session-policy.js';

/** Where a request came from, kept with its session (shown in the session list). */
export interface ClientInfo {
  address?: string;
  userAgent?: string;
}

/** A session as its owner sees it: a short handle, never the cookie or its hash. */
export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  address?: string;
  userAgent?: string;
  current: boolean;
}

/** The public handle of a session: the first 16 characters of its key (a hash of a hash). */
export const sessionHandle = (s: Pick<SessionDoc, 'id'>): string => s.id.slice(0, 16);

/** Who fails to sign in with an email no account has. */
const ANONYMOUS: Actor = { kind: 'system', name: 'anonymous' };

/** One message for a wrong email and a wrong password, so neither can be told apart. */
export const WRONG_CREDENTIALS = 'wrong email or password';

/** Signing in and out, and the sessions behind the `conveyor_session` cookie. */
export class SessionService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly reads: IdentityReads,
    private readonly policy: SessionPolicy,
  ) {}

  private now(): Date {
    return this.core.clock.now();
  }

  /** Whether the account may act: active itself, and its directory user not deactivated. */
  async usable(account: AccountDoc | undefined): Promise<AccountDoc | undefined> {
    if (account === undefined || !account.active) return undefined;
    const user = await this.core.store.get('users', account.userId);
    return user === undefined || user.active !== false ? account : undefined;
  }

  /**
   * Checks email and password and opens a new session (never reusing one the browser
   * sent: no fixation). A wrong email costs a dummy hash, so timing does not tell.
   */
  async signIn(
    email: string,
    password: string,
    client: ClientInfo,
  ): Promise<{ account: AccountDoc; secret: string }> {
    const found = await this.reads.accountByEmail(email);
    const ok = await verifyPassword(found?.passwordHash, password);
    const account = ok ? await this.usable(found) : undefined;
    const address = client.address === undefined ? {} : { address: client.address };
    if (account === undefined) {
      // Audited as the account tried (or anonymous), never with the password.
      await this.core.changeAs(
        { actor: found === undefined ? ANONYMOUS : personActor(found), ...address },
        async (tx) => {
          this.core.audit(tx, {
            kind: 'auth.sign_in_failed',
            outcome: 'failure',
            target: email.trim().toLowerCase().slice(0, 320),
            ...(found === undefined
              ? {}
              : ok
                ? { detail: 'account inactive', detailCode: 'account_inactive' }
                : { detail: 'wrong password', detailCode: 'wrong_password' }),
          });
        },
      );
      throw new HttpError(401, 'WRONG_CREDENTIALS', WRONG_CREDENTIALS);
    }
    const secret = await this.open(account, client, { kind: 'auth.sign_in', target: account.id });
    return { account, secret };
  }

  /**
   * A new session for an account (sign-in, setup); answers the cookie's value. `audit`:
   * the entry written with it, as the account (setup audits the account's creation instead).
   */
  async open(account: AccountDoc, client: ClientInfo, audit?: AuditInput): Promise<string> {
    const secret = newSessionSecret();
    const now = this.now();
    const session: SessionDoc = {
      id: sha256Hex(secret),
      accountId: account.id,
      createdAt: now.toISOString(),
      lastSeenAt: now.toISOString(),
      expiresAt: this.expiry(now, now).toISOString(),
      ...(client.address === undefined ? {} : { address: client.address }),
      ...(client.userAgent === undefined ? {} : { userAgent: client.userAgent.slice(0, 300) }),
    };
    const who: Who = {
      actor: personActor(account),
      ...(client.address === undefined ? {} : { address: client.address }),
    };
    await this.core.changeAs(who, async (tx) => {
      // Sessions that ended meanwhile go when their account signs in again.
      for (const s of await this.reads.sessionsOf(account.id))
        if (s.expiresAt <= session.createdAt) tx.delete('sessions', s.id);
      tx.put('sessions', session.id, session);
      if (audit !== undefined) this.core.audit(tx, audit);
    });
    return secret;
  }

  /** Sliding expiry: idle time from the last use, never past the absolute maximum. */
  private expiry(createdAt: Date, lastSeen: Date): Date {
    return new Date(
      Math.min(lastSeen.getTime() + this.policy.idleMs, createdAt.getTime() + this.policy.maxMs),
    );
  }

  /**
   * The session behind a cookie's value, or undefined (unknown, ended, account
   * deactivated). Its last use is written at most once a minute.
   */
  async authenticate(secret: string, client: ClientInfo): Promise<Authenticated | undefined> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(secret)) return undefined;
    const id = sha256Hex(secret);
    const session = await this.core.store.get('sessions', id);
    if (session === undefined) return undefined;
    const now = this.now();
    if (session.expiresAt <= now.toISOString()) {
      await this.core.change(async (tx) => tx.delete('sessions', id)).catch(() => undefined);
      return undefined;
    }
    const account = await this.usable(await this.reads.account(session.accountId));
    if (account === undefined) return undefined;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= this.policy.touchEveryMs)
      await this.touch(session, now, client);
    return { account, actor: personActor(account), via: 'session', sessionId: id };
  }

  private async touch(session: SessionDoc, now: Date, client: ClientInfo): Promise<void> {
    await this.core
      .change(async (tx) => {
        const cur = await tx.get('sessions', session.id);
        if (cur === undefined) return;
        tx.put('sessions', session.id, {
          ...cur,
          lastSeenAt: now.toISOString(),
          expiresAt: this.expiry(new Date(cur.createdAt), now).toISOString(),
          ...(client.address === undefined ? {} : { address: client.address }),
        });
      })
      // A failed touch (disk full) must not refuse a read: the session just slides later.
      .catch(() => undefined);
  }

  async signOut(sessionId: string, who?: Who): Promise<void> {
    await this.core.changeAs(who, async (tx) => {
      tx.delete('sessions', sessionId);
      this.core.audit(tx, { kind: 'auth.sign_out', target: sessionHandle({ id: sessionId }) });
    });
  }

  async list(accountId: string, currentId: string | undefined): Promise<SessionSummary[]> {
    const now = this.now().toISOString();
    return (await this.reads.sessionsOf(accountId))
      .filter((s) => s.expiresAt > now)
      .map((s) => ({
        id: sessionHandle(s),
        createdAt: s.createdAt,
        lastSeenAt: s.lastSeenAt,
        expiresAt: s.expiresAt,
        ...(s.address === undefined ? {} : { address: s.address }),
        ...(s.userAgent === undefined ? {} : { userAgent: s.userAgent }),
        current: s.id === currentId,
      }));
  }

  /** Ends one of the account's own sessions by its handle (404 for anyone else's). */
  async revoke(accountId: string, handle: string, who?: Who): Promise<void> {
    const session = (await this.reads.sessionsOf(accountId)).find(
      (s) => sessionHandle(s) === handle,
    );
    if (session === undefined) throw new HttpError(404, 'NOT_FOUND', `session ${handle} not found`);
    await this.core.changeAs(who, async (tx) => {
      tx.delete('sessions', session.id);
      this.core.audit(tx, { kind: 'auth.session_revoked', target: handle });
    });
  }
}
