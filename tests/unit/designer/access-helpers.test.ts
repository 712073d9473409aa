import { describe, expect, it, vi } from 'vitest';
import { accessScreenOf, screenAllowed } from '../../../designer/src/access/access-routes.js';
import { createAccessApi, queryOf } from '../../../designer/src/access/access-api.js';
import { onUnauthenticated } from '../../../designer/src/access/auth-signal.js';
import {
  allows,
  allowsAnyDelete,
  allowsAutomation,
  matrixOf,
} from '../../../designer/src/access/permissions.js';
import { isSetupPath, setupTokenOf } from '../../../designer/src/access/setup-token.js';
import { httpJson } from '../../../designer/src/api/http-json.js';
import { initialsOf } from '../../../designer/src/access/user-menu.js';
import { MANAGER_RIGHTS, VIEWER_RIGHTS } from '../../../stories/support/access-fixtures.js';

const answer = (status: number, body: unknown) =>
  vi.fn<typeof fetch>(() => Promise.resolve(new Response(JSON.stringify(body), { status })));

describe('permissions from /api/auth/me', () => {
  it('derives nothing while the runtime sends only the role', () => {
    expect(matrixOf({ role: 'viewer' })).toBeNull();
    expect(matrixOf(undefined)).toBeNull();
    expect(allows(null, 'accounts', 'manage')).toBe(true);
    expect(allowsAutomation(null, 'publish')).toBe(true);
    expect(screenAllowed(null, 'audit')).toBe(true);
  });
  it('reads the matrix when it is there', () => {
    const viewer = matrixOf({ role: 'viewer', ...VIEWER_RIGHTS });
    expect(viewer).not.toBeNull();
    expect(allowsAutomation(viewer, 'publish')).toBe(false);
    expect(allows(viewer, 'audit', 'view')).toBe(true);
    expect(allows(viewer, 'audit', 'export')).toBe(false);
    expect(allows(viewer, 'recycleBin', 'restore')).toBe(false);
    expect(allowsAnyDelete(viewer)).toBe(false);
    const manager = matrixOf({ role: 'manager', ...MANAGER_RIGHTS });
    expect(screenAllowed(manager, 'users')).toBe(false);
    expect(screenAllowed(manager, 'tokens')).toBe(true);
    expect(allowsAnyDelete(manager)).toBe(true);
  });
  it('treats a half-formed matrix as none (never hides on a guess)', () => {
    expect(matrixOf({ role: 'x', entities: {}, automations: { publish: false } })).toBeNull();
  });
});

describe('setup link and routes', () => {
  it('reads the token from the fragment only', () => {
    expect(setupTokenOf('#token=abc_DEF-1')).toBe('abc_DEF-1');
    expect(setupTokenOf('#token=')).toBeNull();
    expect(setupTokenOf('')).toBeNull();
    expect(isSetupPath('/setup')).toBe(true);
    expect(isSetupPath('/setup/')).toBe(true);
    expect(isSetupPath('/')).toBe(false);
  });
  it('shows initials in the header', () => {
    expect(initialsOf('Max Manager')).toBe('MM');
    expect(initialsOf(' ольга ')).toBe('О');
    expect(initialsOf('Anna Maria Kuznetsova')).toBe('AK');
  });
  it('maps hashes to access screens', () => {
    expect(accessScreenOf('#/recycle-bin')).toBe('recycle-bin');
    expect(accessScreenOf('#/users/')).toBe('users');
    expect(accessScreenOf('#/models/x')).toBeNull();
    expect(accessScreenOf('#/')).toBeNull();
  });
});

describe('the HTTP client', () => {
  it('signals sign-in on a 401 for want of a session, not on a wrong password', async () => {
    const seen: string[] = [];
    const off = onUnauthenticated((code) => seen.push(code));
    try {
      const gone = httpJson('/api', answer(401, { error: { code: 'UNAUTHENTICATED' } }));
      await expect(gone('GET', '/models')).rejects.toMatchObject({ status: 401 });
      const wrong = httpJson('/api', answer(401, { error: { code: 'WRONG_CREDENTIALS' } }));
      await expect(wrong('POST', '/auth/sign-in', {})).rejects.toMatchObject({
        code: 'WRONG_CREDENTIALS',
      });
      expect(seen).toEqual(['UNAUTHENTICATED']);
    } finally {
      off();
    }
  });
  it('pages with limit and cursor, and leaves empty filters out', async () => {
    const f = answer(200, { items: [], nextCursor: null });
    const api = createAccessApi('/api', f);
    await api.listAudit({ kind: 'record.deleted', actor: '', entity: 'deal' }, 'c1');
    expect(f.mock.calls[0]?.[0]).toBe(
      '/api/audit?kind=record.deleted&entity=deal&limit=50&cursor=c1',
    );
    expect(queryOf({ a: '', b: undefined })).toBe('');
    expect(api.auditExportUrl({ record: 'd 1' })).toBe('/api/audit/export?record=d+1&format=csv');
  });
});
