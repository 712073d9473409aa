import { Key } from '../../../schemas/index.js';
import { DIRECTORY_KINDS, type DirectoryService } from '../../services/directory-service.js';
import type { RouteDef } from '../route.js';
import { pageRequest } from '../page-request.js';
import {
  DIRECTORY_ENTRY,
  DirectoryBody,
  ErrorBody,
  Page,
  PageQuery,
} from '../schemas/api-schemas.js';
import { whoOf } from '../who-of.js';

/** The installation's users, departments and queues. */
export function directoryRoutes(dir: DirectoryService): RouteDef[] {
  const tag = 'directory';
  const routes: RouteDef[] = [
    {
      method: 'get',
      path: '/api/directory',
      permission: { action: 'view', subject: 'directory' },
      tag,
      summary: 'Users, departments and queues',
      responses: { 200: DirectoryBody },
      handle: async () => ({ body: await dir.all() }),
    },
  ];
  for (const kind of DIRECTORY_KINDS) {
    const schema = DIRECTORY_ENTRY[kind];
    const base = `/api/directory/${kind}`;
    const key = { key: Key };
    routes.push(
      {
        method: 'get',
        path: base,
        permission: { action: 'view', subject: 'directory' },
        tag,
        summary: `A page of ${kind}, by key`,
        query: PageQuery,
        responses: { 200: Page(schema), 400: ErrorBody },
        handle: async (r) => ({ body: await dir.list(kind, pageRequest(r.query)) }),
      },
      {
        method: 'post',
        path: base,
        permission: { action: 'manage', subject: 'directory' },
        tag,
        summary: `Add one of ${kind}`,
        body: schema,
        responses: { 201: schema, 400: ErrorBody, 409: ErrorBody },
        handle: async (r) => ({
          status: 201,
          body: await dir.create(kind, r.body as never, whoOf(r)),
        }),
      },
      {
        method: 'get',
        path: `${base}/:key`,
        permission: { action: 'view', subject: 'directory' },
        tag,
        summary: `One of ${kind}`,
        params: key,
        responses: { 200: schema, 404: ErrorBody },
        handle: async (r) => ({ body: await dir.get(kind, r.params.key ?? '') }),
      },
      {
        method: 'put',
        path: `${base}/:key`,
        permission: { action: 'manage', subject: 'directory' },
        tag,
        summary: `Replace one of ${kind}`,
        params: key,
        body: schema,
        responses: { 200: schema, 400: ErrorBody, 422: ErrorBody },
        handle: async (r) => ({
          body: await dir.replace(kind, r.params.key ?? '', r.body as never, whoOf(r)),
        }),
      },
      {
        method: 'delete',
        path: `${base}/:key`,
        permission: { action: 'manage', subject: 'directory' },
        tag,
        summary: `Remove one of ${kind}`,
        params: key,
        responses: { 204: undefined, 404: ErrorBody },
        handle: async (r) => {
          await dir.remove(kind, r.params.key ?? '', whoOf(r));
          return { status: 204 };
        },
      },
    );
  }
  return routes;
}
