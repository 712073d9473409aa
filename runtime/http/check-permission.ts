import { ENTITY_TYPES, type EntityType } from '../../schemas/index.js';
import type { Access } from '../access/access.js';
import type { AccessService } from '../access/access-service.js';
import type { RecordDoc } from '../domain/record.js';
import { entityOfPath } from '../services/entity-paths.js';
import { HttpError } from './http-error.js';
import type { RouteDef, RouteRequest } from './route.js';

/** Checks a validated request against its route's permission; answers the caller's rights. */
export type PermissionCheck = (def: RouteDef, req: RouteRequest) => Promise<Access | undefined>;

/** Refuses to mount a route that needs credentials but names no permission. */
export function assertPermissions(routes: readonly RouteDef[]): void {
  const missing = routes.filter((r) => r.open === undefined && r.permission === undefined);
  if (missing.length > 0)
    throw new Error(
      `routes without a permission: ${missing.map((r) => `${r.method.toUpperCase()} ${r.path}`).join(', ')}`,
    );
}

/**
 * The central permission check (`RouteDef.permission`): runs once the path is valid
 * (before query and body), so a record the path names is loaded and checked here (404
 * outside the read scope).
 */
export function permissionCheck(
  access: AccessService,
  recordById: (id: string) => Promise<RecordDoc | undefined>,
): PermissionCheck {
  return async (def, req) => {
    if (def.open !== undefined || req.auth === undefined) return undefined;
    const a = await access.forAuth(req.auth);
    const p = def.permission;
    if (p === undefined) throw new Error(`route ${def.method} ${def.path} has no permission`);
    if (p === 'signed-in') return a;
    switch (p.subject) {
      case ':entity': {
        const entity = entityOfPath(req.params.entity ?? '');
        a.check(p.action, entity);
        const id = req.params.id;
        if (id === undefined || p.action === 'create' || p.action === 'import') return a;
        const record = await recordById(id);
        if (record !== undefined) req.pathRecord = record;
        if (record !== undefined && record.entity === entity && p.action !== 'manage')
          a.checkRecord(p.action as Parameters<Access['checkRecord']>[0], record);
        return a;
      }
      case ':record':
        if (!ENTITY_TYPES.some((e) => a.can(p.action, e)))
          a.check(p.action, ENTITY_TYPES[0] as EntityType);
        return a;
      case ':every-record':
        for (const e of ENTITY_TYPES) {
          const filter = a.recordFilter(p.action as 'read', e);
          if (filter === null || Object.keys(filter).length > 0)
            throw new HttpError(
              403,
              'FORBIDDEN',
              `${a.roleName} may not ${p.action} every ${e}: this list spans every record`,
              undefined,
              { action: p.action, subject: e },
            );
        }
        return a;
      default:
        a.check(p.action, p.subject);
        return a;
    }
  };
}
