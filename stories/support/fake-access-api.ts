import { ApiError } from '../../designer/src/api/api-types.js';
import type { AccessApi } from '../../designer/src/access/access-api.js';
import type {
  AccountView,
  AuditEntryView,
  MeAnswer,
  RecycleBinItem,
  RoleView,
  SessionInfo,
  TokenView,
} from '../../designer/src/access/access-types.js';
import {
  STORY_ACCOUNTS,
  STORY_AUDIT,
  STORY_BIN,
  STORY_MODEL_NAMES,
  STORY_ROLES,
  STORY_SESSIONS,
  STORY_TOKENS,
  storyMe,
} from './access-fixtures.js';

/** The password every fake account signs in with. */
export const STORY_PASSWORD = 'correct horse battery';

export interface FakeAccessApiOptions {
  readonly me?: MeAnswer;
  readonly accounts?: readonly AccountView[];
  readonly tokens?: readonly TokenView[];
  readonly sessions?: readonly SessionInfo[];
  readonly roles?: readonly RoleView[];
  readonly audit?: readonly AuditEntryView[];
  readonly bin?: readonly RecycleBinItem[];
  /** Routes this runtime does not have yet: they answer 404 (the "not available" state). */
  readonly missing?: ReadonlyArray<'roles' | 'audit' | 'recycleBin'>;
  /** `GET /api/auth/setup` `needed` (default true). */
  readonly setupNeeded?: boolean;
  /** Items per page of the paged lists (default 50), to show "Load more". */
  readonly pageSize?: number;
  readonly hang?: boolean;
  readonly failWith?: string;
}

/** The sign-in and access routes in memory, answering like docs/contracts.md. */
export function createFakeAccessApi(options: FakeAccessApiOptions = {}): AccessApi & {
  readonly calls: string[];
} {
  const calls: string[] = [];
  let accounts = [...(options.accounts ?? STORY_ACCOUNTS)];
  let tokens = [...(options.tokens ?? STORY_TOKENS)];
  let sessions = [...(options.sessions ?? STORY_SESSIONS)];
  let roles = [...(options.roles ?? STORY_ROLES)];
  let bin = [...(options.bin ?? STORY_BIN)];
  const audit = [...(options.audit ?? STORY_AUDIT)];
  const missing = new Set(options.missing ?? []);
  const size = options.pageSize ?? 50;
  let n = 0;
  const call = <T>(name: string, work: () => T): Promise<T> => {
    calls.push(name);
    if (options.hang) return new Promise<T>(() => undefined);
    if (options.failWith) return Promise.reject(new ApiError(503, 'UNAVAILABLE', options.failWith));
    try {
      return Promise.resolve(work());
    } catch (e) {
      return Promise.reject(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const page = <T>(items: readonly T[], cursor?: string) => {
    const from = cursor === undefined ? 0 : Number(cursor);
    const next = from + size;
    return {
      items: items.slice(from, next),
      nextCursor: next < items.length ? String(next) : null,
    };
  };
  const need = (route: 'roles' | 'audit' | 'recycleBin') => {
    if (missing.has(route)) throw new ApiError(404, 'NOT_FOUND', `no route /api/${route}`);
  };
  const now = () => new Date(Date.UTC(2026, 11, 7, 10, 30, n++)).toISOString();
  return {
    calls,
    me: () => call('me', () => options.me ?? storyMe('owner')),
    setupNeeded: () => call('setupNeeded', () => options.setupNeeded ?? true),
    setup: (body) =>
      call('setup', () => {
        if (body.token !== 'story-token')
          throw new ApiError(403, 'SETUP_TOKEN_INVALID', 'setup token invalid');
      }),
    signIn: (email, password) =>
      call('signIn', () => {
        if (password !== STORY_PASSWORD || !accounts.some((a) => a.email === email))
          throw new ApiError(401, 'WRONG_CREDENTIALS', 'wrong email or password');
      }),
    signOut: () => call('signOut', () => undefined),
    changePassword: (current, next) =>
      call('changePassword', () => {
        if (current !== STORY_PASSWORD) throw new ApiError(403, 'WRONG_PASSWORD', 'wrong password');
        if (next.length < 10) throw new ApiError(422, 'WEAK_PASSWORD', 'too short');
      }),
    listSessions: (cursor) => call('listSessions', () => page(sessions, cursor)),
    revokeSession: (id) =>
      call('revokeSession', () => {
        sessions = sessions.filter((s) => s.id !== id);
      }),
    listAccounts: (cursor) => call('listAccounts', () => page(accounts, cursor)),
    createAccount: (a) =>
      call('createAccount', () => {
        if (accounts.some((x) => x.email === a.email))
          throw new ApiError(409, 'EMAIL_TAKEN', `an account with ${a.email} exists`);
        const at = now();
        const created: AccountView = {
          id: `acc-${accounts.length + 1}`,
          email: a.email,
          name: a.name ?? a.email,
          userId: a.userId ?? a.email.split('@')[0] ?? a.email,
          role: a.role,
          active: true,
          createdAt: at,
          updatedAt: at,
        };
        accounts = [...accounts, created];
        return created;
      }),
    updateAccount: (id, patch) =>
      call('updateAccount', () => {
        const found = accounts.find((a) => a.id === id);
        if (!found) throw new ApiError(404, 'NOT_FOUND', `account ${id} not found`);
        const next = { ...found, ...patch, updatedAt: now() };
        accounts = accounts.map((a) => (a.id === id ? next : a));
        return next;
      }),
    listDirectoryUsers: () =>
      call('listDirectoryUsers', () =>
        accounts.map((a) => ({ key: a.userId, name: a.name, email: a.email })),
      ),
    listTokens: (cursor) => call('listTokens', () => page(tokens, cursor)),
    createToken: (name, role) =>
      call('createToken', () => {
        const view: TokenView = {
          id: `tok${tokens.length + 1}`,
          name,
          role,
          createdBy: 'acc-olga',
          createdAt: now(),
        };
        tokens = [...tokens, view];
        return { ...view, token: `cvy_${view.id}_Xq9cS1mW0rYbT3kPz7LhN2vA5dE8fG4jK6uQ0oI1aBc` };
      }),
    revokeToken: (id) =>
      call('revokeToken', () => {
        tokens = tokens.filter((t) => t.id !== id);
      }),
    listRoles: () =>
      call('listRoles', () => {
        need('roles');
        return { items: roles, nextCursor: null };
      }),
    createRole: (r) =>
      call('createRole', () => {
        need('roles');
        const created: RoleView = { ...r, builtIn: false };
        roles = [...roles, created];
        return created;
      }),
    updateRole: (key, r) =>
      call('updateRole', () => {
        need('roles');
        const found = roles.find((x) => x.key === key);
        if (!found) throw new ApiError(404, 'NOT_FOUND', `role ${key} not found`);
        if (found.builtIn) throw new ApiError(409, 'BUILT_IN_ROLE', 'built-in roles are fixed');
        const next = { ...found, ...r };
        roles = roles.map((x) => (x.key === key ? next : x));
        return next;
      }),
    deleteRole: (key) =>
      call('deleteRole', () => {
        need('roles');
        if (accounts.some((a) => a.role === key))
          throw new ApiError(409, 'ROLE_IN_USE', `accounts hold ${key}`);
        roles = roles.filter((x) => x.key !== key);
      }),
    listAudit: (filters, cursor) =>
      call('listAudit', () => {
        need('audit');
        const hits = audit.filter(
          (e) =>
            (!filters.kind || e.kind === filters.kind) &&
            (!filters.entity || e.entity === filters.entity) &&
            (!filters.record || e.recordId === filters.record),
        );
        return page(hits, cursor);
      }),
    auditExportUrl: () => '#audit-export',
    listRecycleBin: (entity, cursor) =>
      call('listRecycleBin', () => {
        need('recycleBin');
        return page(
          bin.filter((b) => entity === '' || b.entity === entity),
          cursor,
        );
      }),
    restore: (item) =>
      call('restore', () => {
        need('recycleBin');
        bin = bin.filter((b) => b.recordId !== item.recordId);
      }),
    purge: (item) =>
      call('purge', () => {
        need('recycleBin');
        bin = bin.filter((b) => b.recordId !== item.recordId);
      }),
    // The names an admin typed for the story's model, as `GET /api/models/:id` has them.
    robotNames: (modelId) =>
      call('robotNames', () =>
        modelId === STORY_MODEL_NAMES.id ? STORY_MODEL_NAMES.names : undefined,
      ),
  };
}
