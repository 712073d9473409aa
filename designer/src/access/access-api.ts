import type { AutomationModel } from '../../../schemas/index.js';
import { ApiError } from '../api/api-types.js';
import { httpJson } from '../api/http-json.js';
import type {
  AccountView,
  AuditEntryView,
  AuditFilters,
  CreatedToken,
  DirectoryUserOption,
  MeAnswer,
  Page,
  RecycleBinItem,
  RolePermissions,
  RoleView,
  SessionInfo,
  TokenView,
} from './access-types.js';
import { robotNamesOf, type RobotNames } from './robot-names.js';

/** A new account (`POST /api/accounts`). */
export interface NewAccount {
  readonly email: string;
  readonly password: string;
  readonly name?: string;
  readonly userId?: string;
  readonly role: string;
}

/** What the sign-in, setup and access screens need from the runtime. */
export interface AccessApi {
  me(): Promise<MeAnswer>;
  setupNeeded(): Promise<boolean>;
  setup(body: { token: string; email: string; password: string; name: string }): Promise<void>;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  listSessions(cursor?: string): Promise<Page<SessionInfo>>;
  revokeSession(id: string): Promise<void>;
  listAccounts(cursor?: string): Promise<Page<AccountView>>;
  createAccount(account: NewAccount): Promise<AccountView>;
  updateAccount(
    id: string,
    patch: { role?: string; active?: boolean; name?: string },
  ): Promise<AccountView>;
  listDirectoryUsers(): Promise<DirectoryUserOption[]>;
  listTokens(cursor?: string): Promise<Page<TokenView>>;
  createToken(name: string, role: string): Promise<CreatedToken>;
  revokeToken(id: string): Promise<void>;
  listRoles(): Promise<Page<RoleView>>;
  createRole(role: { key: string; name: string; permissions: RolePermissions }): Promise<RoleView>;
  updateRole(key: string, role: { name: string; permissions: RolePermissions }): Promise<RoleView>;
  deleteRole(key: string): Promise<void>;
  listAudit(filters: AuditFilters, cursor?: string): Promise<Page<AuditEntryView>>;
  /** The CSV export's address for the same filters (a download link, not a fetch). */
  auditExportUrl(filters: AuditFilters): string;
  listRecycleBin(entity: string, cursor?: string): Promise<Page<RecycleBinItem>>;
  restore(item: Pick<RecycleBinItem, 'entity' | 'recordId'>): Promise<void>;
  purge(item: Pick<RecycleBinItem, 'entity' | 'recordId'>): Promise<void>;
  /** The names typed for a model and its robots (audit actors); undefined when not readable. */
  robotNames(modelId: string): Promise<RobotNames | undefined>;
}

/** `?a=1&b=2` from the non-empty values (empty: ''). */
export function queryOf(params: Readonly<Record<string, string | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const s = q.toString();
  return s === '' ? '' : `?${s}`;
}

const PAGE = '50';

/**
 * The HTTP implementation (docs/contracts.md "Authentication", roles, audit, recycle bin).
 *
 * @example await createAccessApi().me();
 */
export function createAccessApi(base = '/api', fetchImpl?: typeof fetch): AccessApi {
  const call = httpJson(base, fetchImpl);
  const enc = encodeURIComponent;
  const paged = <T>(path: string, params: Record<string, string | undefined>, cursor?: string) =>
    call<Page<T>>('GET', `${path}${queryOf({ ...params, limit: PAGE, cursor })}`);
  return {
    me: () => call('GET', '/auth/me'),
    setupNeeded: async () => (await call<{ needed: boolean }>('GET', '/auth/setup')).needed,
    setup: async (body) => {
      await call('POST', '/auth/setup', body);
    },
    signIn: async (email, password) => {
      await call('POST', '/auth/sign-in', { email, password });
    },
    signOut: async () => {
      await call('POST', '/auth/sign-out', {});
    },
    changePassword: async (currentPassword, newPassword) => {
      await call('POST', '/auth/password', { currentPassword, newPassword });
    },
    listSessions: (cursor) => paged('/auth/sessions', {}, cursor),
    revokeSession: async (id) => {
      await call('DELETE', `/auth/sessions/${enc(id)}`);
    },
    listAccounts: (cursor) => paged('/accounts', {}, cursor),
    createAccount: async (account) =>
      (await call<{ account: AccountView }>('POST', '/accounts', account)).account,
    updateAccount: async (id, patch) =>
      (await call<{ account: AccountView }>('PATCH', `/accounts/${enc(id)}`, patch)).account,
    listDirectoryUsers: async () => {
      const d = await call<{ users: DirectoryUserOption[] }>('GET', '/directory');
      return d.users;
    },
    listTokens: (cursor) => paged('/tokens', {}, cursor),
    createToken: (name, role) => call('POST', '/tokens', { name, role }),
    revokeToken: async (id) => {
      await call('DELETE', `/tokens/${enc(id)}`);
    },
    listRoles: () => call('GET', '/roles?limit=1000'),
    createRole: (role) => call('POST', '/roles', role),
    updateRole: (key, role) => call('PUT', `/roles/${enc(key)}`, role),
    deleteRole: async (key) => {
      await call('DELETE', `/roles/${enc(key)}`);
    },
    listAudit: (filters, cursor) => paged('/audit', { ...filters }, cursor),
    auditExportUrl: (filters) => `${base}/audit/export${queryOf({ ...filters, format: 'csv' })}`,
    listRecycleBin: (entity, cursor) => paged('/recycle-bin', { entity }, cursor),
    restore: async ({ entity, recordId }) => {
      await call('POST', `/recycle-bin/${enc(entity)}/${enc(recordId)}/restore`, {});
    },
    purge: async ({ entity, recordId }) => {
      await call('DELETE', `/recycle-bin/${enc(entity)}/${enc(recordId)}`);
    },
    robotNames: async (modelId) => {
      try {
        const m = await call<{ model: AutomationModel }>('GET', `/models/${enc(modelId)}`);
        return robotNamesOf(m.model);
      } catch (e) {
        if (e instanceof ApiError && (e.status === 403 || e.status === 404)) return undefined;
        throw e;
      }
    },
  };
}
