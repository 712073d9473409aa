import { describe, expect, it } from 'vitest';
import { abilityOf, unrestrictedAbility } from '../../../runtime/access/ability.js';
import { Access } from '../../../runtime/access/access.js';
import { BUILT_IN_PERMISSIONS } from '../../../runtime/access/built-in-permissions.js';
import {
  intersectPermissions,
  permissionsWithin,
} from '../../../runtime/access/compare-permissions.js';
import { departmentUsers } from '../../../runtime/access/department-users.js';
import { recordSubject } from '../../../runtime/access/record-facts.js';
import { recordScopeFilter } from '../../../runtime/access/record-scope-filter.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { RolePermissions } from '../../../runtime/domain/security-types.js';
import { BUILT_IN_ROLES, type BuiltInRole } from '../../../runtime/identity/built-in-roles.js';
import { matchRecord } from '../../../runtime/store/query/match-record.js';

// Ann heads sales; Bob works in sales/east (a sub-department); Carl in support.
const DIRECTORY = {
  users: [
    { key: 'ann', name: 'Ann', department: 'sales' },
    { key: 'bob', name: 'Bob', department: 'east' },
    { key: 'carl', name: 'Carl', department: 'support' },
  ],
  departments: [
    { key: 'sales', name: 'Sales' },
    { key: 'east', name: 'East', parent: 'sales' },
    { key: 'support', name: 'Support' },
  ],
};
const ctx = (userId: string) => ({
  accountId: `acc_${userId}`,
  userId,
  departmentUsers: () => departmentUsers(DIRECTORY, userId),
});
const deal = (responsible: string, stage = 'new', pipeline = 'sales'): RecordDoc => ({
  id: `d_${responsible}_${stage}`,
  entity: 'deal',
  pipeline,
  stage,
  fields: { responsible },
  links: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
});

/** The records Ann acts on: her own, her department's (Bob, in a sub-department), another's. */
const OWN = deal('ann');
const DEPT = deal('bob');
const OTHER = deal('carl');

type Row = [BuiltInRole, 'read' | 'create' | 'update' | 'delete' | 'export', boolean[]];
/** role, action, [own, department, other] as Ann. */
const TABLE: Row[] = [
  ['owner', 'read', [true, true, true]],
  ['owner', 'delete', [true, true, true]],
  ['owner', 'export', [true, true, true]],
  ['administrator', 'update', [true, true, true]],
  ['administrator', 'delete', [true, true, true]],
  ['automation_editor', 'read', [true, true, true]],
  ['automation_editor', 'update', [false, false, false]],
  ['integrator', 'read', [true, true, true]],
  ['integrator', 'create', [true, true, true]],
  ['integrator', 'update', [true, true, true]],
  ['integrator', 'delete', [false, false, false]],
  ['integrator', 'export', [false, false, false]],
  ['manager', 'read', [true, false, false]],
  ['manager', 'create', [true, false, false]],
  ['manager', 'update', [true, false, false]],
  ['manager', 'delete', [false, false, false]],
  ['manager', 'export', [false, false, false]],
  ['viewer', 'read', [true, true, true]],
  ['viewer', 'update', [false, false, false]],
  ['viewer', 'delete', [false, false, false]],
];

describe('the permission matrix as CASL abilities', () => {
  it.each(TABLE)('%s may %s own / department / other deals: %j', (role, action, expected) => {
    const ability = abilityOf(BUILT_IN_PERMISSIONS[role], ctx('ann'));
    expect([OWN, DEPT, OTHER].map((r) => ability.can(action, recordSubject(r)))).toEqual(expected);
  });

  it('automations, directory, roles, accounts, tokens, audit and recycle bin per role', () => {
    const rows = BUILT_IN_ROLES.map((role) => {
      const a = abilityOf(BUILT_IN_PERMISSIONS[role], ctx('ann'));
      return [
        role,
        ['view', 'editDrafts', 'simulate', 'publish', 'rollBack'].filter((x) =>
          a.can(x, 'automation'),
        ),
        a.can('manage', 'directory') ? 'manage' : a.can('view', 'directory') ? 'view' : '-',
        a.can('manage', 'role') ? 'manage' : '-',
        a.can('manage', 'account') ? 'manage' : '-',
        a.can('manage', 'token') ? 'all' : a.can('create', 'token') ? 'own' : '-',
        a.can('export', 'audit') ? 'export' : '-',
        a.can('purge', 'recycleBin') ? 'purge' : a.can('restore', 'recycleBin') ? 'restore' : '-',
      ];
    });
    const all = ['view', 'editDrafts', 'simulate', 'publish', 'rollBack'];
    expect(rows).toEqual([
      ['owner', all, 'manage', 'manage', 'manage', 'all', 'export', 'purge'],
      ['administrator', all, 'manage', 'manage', 'manage', 'all', 'export', 'restore'],
      ['automation_editor', all, 'view', '-', '-', 'own', '-', '-'],
      ['integrator', ['view'], 'view', '-', '-', 'own', '-', '-'],
      ['manager', ['view'], 'view', '-', '-', 'own', '-', '-'],
      ['viewer', ['view'], 'view', '-', '-', 'own', '-', '-'],
    ]);
  });

  it('own tokens are the ones the actor created', () => {
    const a = abilityOf(BUILT_IN_PERMISSIONS.manager, ctx('ann'));
    const token = (accountId: string) => ({ __caslSubjectType__: 'token', accountId });
    expect(a.can('revoke', token('acc_ann') as never)).toBe(true);
    expect(a.can('revoke', token('acc_bob') as never)).toBe(false);
  });

  it('department scope covers the department and its sub-departments', () => {
    const dept: RolePermissions = structuredClone(BUILT_IN_PERMISSIONS.manager);
    dept.entities.deal = { ...dept.entities.deal!, read: 'department' };
    const ann = abilityOf(dept, ctx('ann'));
    const bob = abilityOf(dept, ctx('bob'));
    expect([OWN, DEPT, OTHER].map((r) => ann.can('read', recordSubject(r)))).toEqual([
      true,
      true,
      false,
    ]);
    // Bob's department (east) has no sub-departments: Ann's records are above him.
    expect([OWN, DEPT, OTHER].map((r) => bob.can('read', recordSubject(r)))).toEqual([
      false,
      true,
      false,
    ]);
    expect(departmentUsers(DIRECTORY, 'nobody')).toEqual(['nobody']);
  });

  it('stage limits: a limited pipeline only in its stages, other pipelines free', () => {
    const p: RolePermissions = structuredClone(BUILT_IN_PERMISSIONS.viewer);
    p.entities.deal = { ...p.entities.deal!, update: 'all', stages: { sales: ['new', 'won'] } };
    const a = abilityOf(p, ctx('ann'));
    const can = (action: string, r: RecordDoc) => a.can(action, recordSubject(r));
    expect(can('read', deal('carl', 'new'))).toBe(true);
    expect(can('read', deal('carl', 'lost'))).toBe(false);
    expect(can('update', deal('carl', 'won'))).toBe(true);
    expect(can('read', deal('carl', 'lost', 'other'))).toBe(true);
  });

  it('scoped rules become store filters that match exactly what the ability allows', () => {
    const p: RolePermissions = structuredClone(BUILT_IN_PERMISSIONS.manager);
    p.entities.deal = { ...p.entities.deal!, read: 'department', stages: { sales: ['new'] } };
    const a = abilityOf(p, ctx('ann'));
    const filter = recordScopeFilter(a, 'read', 'deal');
    expect(filter).toEqual({ responsible: ['ann', 'bob'], stageLimits: { sales: ['new'] } });
    const records = ['ann', 'bob', 'carl'].flatMap((u) =>
      ['new', 'won'].flatMap((s) => [deal(u, s), deal(u, s, 'other')]),
    );
    for (const r of records)
      expect(matchRecord(r, { entity: 'deal', ...filter })).toBe(a.can('read', recordSubject(r)));
    expect(recordScopeFilter(a, 'delete', 'deal')).toBeNull();
    const owner = abilityOf(BUILT_IN_PERMISSIONS.owner, ctx('ann'));
    expect(recordScopeFilter(owner, 'read', 'deal')).toEqual({});
  });

  it('robots are never blocked', () => {
    const robot = unrestrictedAbility();
    expect(robot.can('delete', recordSubject(OTHER))).toBe(true);
    expect(robot.can('publish', 'automation')).toBe(true);
  });

  it('refusals name the role, the action and the subject', () => {
    const access = new Access(
      'Manager',
      BUILT_IN_PERMISSIONS.manager,
      abilityOf(BUILT_IN_PERMISSIONS.manager, ctx('ann')),
    );
    expect(() => access.check('publish', 'automation')).toThrow(
      'Manager may not publish automations',
    );
    expect(() => access.checkRecord('update', OTHER)).toThrow('not found');
    expect(() => access.checkRecord('delete', OWN)).toThrow('Manager may not delete this deal');
  });
});

describe('comparing rights', () => {
  it('which built-in role may hand out which (rights, not a rank order)', () => {
    const within = BUILT_IN_ROLES.map((outer) =>
      BUILT_IN_ROLES.filter((inner) =>
        permissionsWithin(BUILT_IN_PERMISSIONS[inner], BUILT_IN_PERMISSIONS[outer]),
      ),
    );
    expect(within).toEqual([
      [...BUILT_IN_ROLES],
      ['administrator', 'automation_editor', 'integrator', 'manager', 'viewer'],
      ['automation_editor', 'viewer'],
      ['integrator', 'manager', 'viewer'],
      ['manager'],
      ['viewer'],
    ]);
  });

  it("a token's rights are its role's within its creator's", () => {
    const both = intersectPermissions(
      BUILT_IN_PERMISSIONS.integrator,
      BUILT_IN_PERMISSIONS.manager,
    );
    expect(both.entities.deal).toMatchObject({ read: 'own', create: 'own', update: 'own' });
    expect(both.hookSecrets).toBe(false);
    expect(permissionsWithin(both, BUILT_IN_PERMISSIONS.manager)).toBe(true);
    expect(permissionsWithin(both, BUILT_IN_PERMISSIONS.integrator)).toBe(true);
  });

  it('stage limits narrow: a limited role is within an unlimited one, not the reverse', () => {
    const limited: RolePermissions = structuredClone(BUILT_IN_PERMISSIONS.viewer);
    limited.entities.deal = { ...limited.entities.deal!, stages: { sales: ['new'] } };
    expect(permissionsWithin(limited, BUILT_IN_PERMISSIONS.viewer)).toBe(true);
    expect(permissionsWithin(BUILT_IN_PERMISSIONS.viewer, limited)).toBe(false);
    const both = intersectPermissions(BUILT_IN_PERMISSIONS.owner, limited);
    expect(both.entities.deal?.stages).toEqual({ sales: ['new'] });
  });
});
