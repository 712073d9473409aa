import {
  CustomRoleKey,
  RoleCreateBody,
  RoleList,
  RoleUpdateBody,
  RoleView,
} from '../../../schemas/api/role-schemas.js';
import type { RoleService } from '../../access/role-service.js';
import type { RolePermissions } from '../../domain/security-types.js';
import type { RouteDef } from '../route.js';
import { ErrorBody } from '../schemas/api-schemas.js';
import { authOf } from './auth-routes.js';
import { whoOf } from '../who-of.js';

type RoleInput = { name: string; permissions: RolePermissions };

/** Roles: the built-in ones and custom roles (the permission matrix as data). */
export function roleRoutes(roles: RoleService): RouteDef[] {
  const tag = 'roles';
  const key = { key: CustomRoleKey };
  return [
    {
      method: 'get',
      path: '/api/roles',
      tag,
      permission: { action: 'view', subject: 'role' },
      summary: 'Roles with their permissions, built-in first',
      responses: { 200: RoleList },
      handle: async () => ({ body: { items: await roles.list(), nextCursor: null } }),
    },
    {
      method: 'post',
      path: '/api/roles',
      tag,
      permission: { action: 'manage', subject: 'role' },
      summary: 'Create a custom role (never with more rights than your own)',
      body: RoleCreateBody,
      responses: { 201: RoleView, 403: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({
        status: 201,
        body: await roles.create(authOf(r), r.body as RoleInput & { key: string }, whoOf(r)),
      }),
    },
    {
      method: 'put',
      path: '/api/roles/:key',
      tag,
      permission: { action: 'manage', subject: 'role' },
      summary: "Change a custom role's name and permissions (built-in roles: 409 BUILT_IN_ROLE)",
      params: key,
      body: RoleUpdateBody,
      responses: { 200: RoleView, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => ({
        body: await roles.update(authOf(r), r.params.key ?? '', r.body as RoleInput, whoOf(r)),
      }),
    },
    {
      method: 'delete',
      path: '/api/roles/:key',
      tag,
      permission: { action: 'manage', subject: 'role' },
      summary: 'Remove a custom role (409 ROLE_IN_USE while an account or token holds it)',
      params: key,
      responses: { 204: undefined, 404: ErrorBody, 409: ErrorBody },
      handle: async (r) => {
        await roles.remove(r.params.key ?? '', whoOf(r));
        return { status: 204 };
      },
    },
  ];
}
