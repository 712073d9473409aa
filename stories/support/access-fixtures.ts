import type {
  AccountView,
  AuditEntryView,
  MeAnswer,
  RecycleBinItem,
  RolePermissions,
  RoleView,
  SessionInfo,
  TokenView,
} from '../../designer/src/access/access-types.js';

const T0 = '2026-12-01T09:00:00.000Z';
const scope = (s: 'none' | 'own' | 'department' | 'all') => ({
  read: s,
  create: s,
  update: s,
  delete: s,
  export: s,
  import: s,
});

/** Everything, as the owner has it. */
export const OWNER_RIGHTS: RolePermissions = {
  entities: {
    lead: scope('all'),
    deal: scope('all'),
    contact: scope('all'),
    company: scope('all'),
  },
  automations: { view: true, editDrafts: true, simulate: true, publish: true, rollBack: true },
  directory: 'manage',
  roles: 'manage',
  accounts: 'manage',
  tokens: 'manage',
  settings: 'manage',
  audit: 'export',
  recycleBin: 'purge',
  hookSecrets: true,
};

/** Own records, no deleting deals, automations to look at only. */
export const MANAGER_RIGHTS: RolePermissions = {
  entities: {
    lead: { ...scope('own'), export: 'none', import: 'none' },
    deal: {
      ...scope('own'),
      delete: 'none',
      export: 'none',
      import: 'none',
      stages: { sales: ['new', 'in_progress', 'proposal'] },
    },
    contact: { ...scope('own'), delete: 'none', export: 'none', import: 'none' },
    company: {
      ...scope('department'),
      create: 'none',
      delete: 'none',
      export: 'none',
      import: 'none',
    },
  },
  automations: { view: true, editDrafts: false, simulate: true, publish: false, rollBack: false },
  directory: 'view',
  roles: 'none',
  accounts: 'none',
  tokens: 'own',
  settings: 'none',
  audit: 'none',
  recycleBin: 'none',
  hookSecrets: false,
};

/** Reads everything, changes nothing. */
export const VIEWER_RIGHTS: RolePermissions = {
  ...OWNER_RIGHTS,
  entities: {
    lead: { ...scope('none'), read: 'all' },
    deal: { ...scope('none'), read: 'all' },
    contact: { ...scope('none'), read: 'all' },
    company: { ...scope('none'), read: 'all' },
  },
  automations: { view: true, editDrafts: false, simulate: false, publish: false, rollBack: false },
  directory: 'view',
  roles: 'view',
  accounts: 'view',
  tokens: 'none',
  settings: 'view',
  audit: 'view',
  recycleBin: 'view',
  hookSecrets: false,
};

export const STORY_ROLES: RoleView[] = [
  { key: 'owner', name: 'Owner', builtIn: true, permissions: OWNER_RIGHTS },
  { key: 'manager', name: 'Manager', builtIn: true, permissions: MANAGER_RIGHTS },
  { key: 'viewer', name: 'Viewer', builtIn: true, permissions: VIEWER_RIGHTS },
  {
    key: 'senior_manager',
    name: 'Senior manager',
    builtIn: false,
    permissions: {
      ...MANAGER_RIGHTS,
      entities: { ...MANAGER_RIGHTS.entities, deal: { ...scope('department'), delete: 'none' } },
    },
  },
];

export const STORY_ACCOUNTS: AccountView[] = [
  {
    id: 'acc-olga',
    email: 'olga@example.com',
    name: 'Olga Petrova',
    userId: 'petrova',
    role: 'owner',
    active: true,
    createdAt: T0,
    updatedAt: T0,
  },
  {
    id: 'acc-ivan',
    email: 'ivan@example.com',
    name: 'Ivan Sidorov',
    userId: 'sidorov',
    role: 'manager',
    active: true,
    createdAt: T0,
    updatedAt: T0,
  },
  {
    id: 'acc-anna',
    email: 'anna@example.com',
    name: 'Anna Kuznetsova',
    userId: 'kuznetsova',
    role: 'viewer',
    active: false,
    createdAt: T0,
    updatedAt: '2026-12-03T12:00:00.000Z',
  },
];

export const STORY_TOKENS: TokenView[] = [
  {
    id: 'tok1',
    name: '1C export',
    role: 'integrator',
    createdBy: 'acc-olga',
    createdAt: T0,
    lastUsedAt: '2026-12-06T22:10:00.000Z',
  },
  {
    id: 'tok2',
    name: 'CI deploy',
    role: 'automation_editor',
    createdBy: 'acc-olga',
    createdAt: T0,
  },
];

export const STORY_SESSIONS: SessionInfo[] = [
  {
    id: '0123456789abcdef',
    createdAt: '2026-12-07T08:00:00.000Z',
    lastSeenAt: '2026-12-07T10:15:00.000Z',
    expiresAt: '2026-12-07T22:15:00.000Z',
    address: '127.0.0.1',
    userAgent: 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0',
    current: true,
  },
  {
    id: 'fedcba9876543210',
    createdAt: '2026-12-05T14:00:00.000Z',
    lastSeenAt: '2026-12-06T18:40:00.000Z',
    expiresAt: '2026-12-07T06:40:00.000Z',
    address: '10.0.0.23',
    userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) Firefox/133.0',
    current: false,
  },
];

const olga = {
  kind: 'person',
  accountId: 'acc-olga',
  userId: 'petrova',
  name: 'Olga Petrova',
  role: 'owner',
} as const;

/** The story model's names, as the admin typed them (robot actors are shown by these). */
export const STORY_MODEL_NAMES = {
  id: 'deal-distribution',
  names: { model: 'Deal distribution', rules: { assign: 'Assign by turn' } },
} as const;

export const STORY_AUDIT: AuditEntryView[] = [
  {
    id: 'a4',
    seq: 0,
    at: '2026-12-07T10:02:00.000Z',
    actor: {
      kind: 'robot',
      modelId: 'deal-distribution',
      version: 3,
      ruleId: 'assign',
      ruleName: 'Assign by turn',
    },
    kind: 'record.updated',
    entity: 'deal',
    recordId: 'd-17',
    outcome: 'success',
    changes: { responsible: { before: 'petrova', after: 'sidorov' } },
  },
  {
    id: 'a3',
    seq: 0,
    at: '2026-12-07T09:58:00.000Z',
    actor: olga,
    address: '127.0.0.1',
    kind: 'model.published',
    target: 'deal-distribution',
    outcome: 'success',
    detail: 'version 3',
  },
  {
    id: 'a3b',
    seq: 0,
    at: '2026-12-07T09:50:00.000Z',
    actor: olga,
    address: '127.0.0.1',
    kind: 'record.deleted',
    entity: 'deal',
    recordId: 'd-9',
    outcome: 'success',
    detail: 'kept in the recycle bin until 2027-01-06T09:50:00.000Z',
    detailCode: 'kept_until',
    detailParams: { until: '2027-01-06T09:50:00.000Z' },
  },
  {
    id: 'a2',
    seq: 0,
    at: '2026-12-07T09:40:00.000Z',
    actor: { kind: 'system', name: 'sign-in' },
    address: '203.0.113.9',
    kind: 'auth.sign_in_failed',
    outcome: 'failure',
    target: 'ivan@example.com',
    detail: 'wrong password',
    detailCode: 'wrong_password',
  },
  {
    id: 'a1',
    seq: 0,
    at: '2026-12-07T09:30:00.000Z',
    actor: {
      kind: 'token',
      tokenId: 'tok1',
      name: '1C export',
      role: 'integrator',
      accountId: 'acc-olga',
    },
    kind: 'record.exported',
    entity: 'deal',
    outcome: 'success',
  },
];

export const STORY_BIN: RecycleBinItem[] = [
  {
    key: 'deal/d-9',
    entity: 'deal',
    recordId: 'd-9',
    title: 'Office chairs, 40 pcs',
    deletedAt: '2026-12-06T16:20:00.000Z',
    deletedBy: olga,
    purgeAfter: '2027-01-05T16:20:00.000Z',
  },
  {
    key: 'contact/c-3',
    entity: 'contact',
    recordId: 'c-3',
    title: 'Petr Ivanov',
    deletedAt: '2026-12-04T11:00:00.000Z',
    deletedBy: olga,
    purgeAfter: '2027-01-03T11:00:00.000Z',
  },
];

/** `GET /api/auth/me` for a story: the role's matrix, or only the role (`matrix: false`). */
export function storyMe(role: 'owner' | 'manager' | 'viewer', matrix = true): MeAnswer {
  const account =
    STORY_ACCOUNTS.find((a) => a.role === role) ?? STORY_ACCOUNTS[0] ?? ({} as AccountView);
  const rights = { owner: OWNER_RIGHTS, manager: MANAGER_RIGHTS, viewer: VIEWER_RIGHTS }[role];
  return {
    account: {
      id: account.id,
      email: account.email,
      name: account.name,
      userId: account.userId,
      role,
    },
    actor: { kind: 'person' },
    // Without `matrix`: an answer as a server before the matrix gave it (the designer
    // then derives nothing and hides nothing).
    permissions: matrix ? rights : ({} as MeAnswer['permissions']),
  };
}
