import { Type } from '@sinclair/typebox';
import type { Router } from 'express';
import type { RouteGate } from './authenticate-request.js';
import { assertPermissions, type PermissionCheck } from './check-permission.js';
import type { RouteDef, RouteRequest } from './route.js';
import { openStream } from './open-stream.js';
import { sessionSetCookie } from './session-cookie.js';
import { namesFromASet } from './schemas/path-params.js';
import { validatePart } from './validate-request.js';

/**
 * Registers route definitions: the gate first (who calls, 401/403), then path
 * validation, the route's permission (403, or 404 for a record out of the caller's read
 * scope), query and body validation, then the handler. Every route that is not open must name a
 * permission: the server does not start otherwise.
 */
export function mountRoutes(
  router: Router,
  routes: readonly RouteDef[],
  gate: RouteGate,
  permitted: PermissionCheck,
): void {
  assertPermissions(routes);
  for (const def of routes) {
    // One schema per parameter, so each answers with its own status.
    const params = Object.entries(def.params ?? {}).map(([name, schema]) => ({
      schema: Type.Object({ [name]: schema }),
      status: namesFromASet(schema) ? (404 as const) : (400 as const),
    }));
    router[def.method](def.path, async (req, res) => {
      const auth = await gate(req, def);
      // Copied onto a plain object: the handler reads named own properties only.
      const path = { ...(req.params as Record<string, string>) };
      for (const p of params) validatePart(p.schema, path, 'path', p.status);
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const request: RouteRequest = {
        params: path,
        query: {},
        body: undefined,
        headers,
        ...(auth === undefined ? {} : { auth, actor: auth.actor }),
        address: req.ip ?? '',
        secure: req.secure,
      };
      // Before the query and body are looked at: a caller without the right learns
      // nothing about what the route would accept.
      const access = await permitted(def, request);
      const query = { ...(req.query as Record<string, unknown>) };
      if (def.query !== undefined) validatePart(def.query, query, 'query');
      let body: unknown = req.body;
      if (def.body !== undefined) {
        if (body === undefined) body = {};
        validatePart(def.body, body, 'body');
      }
      const out = await def.handle({
        ...request,
        query,
        body,
        ...(access === undefined ? {} : { access }),
      });
      if (out.sessionCookie !== undefined)
        res.append('set-cookie', sessionSetCookie(out.sessionCookie.value, req.secure));
      const status = out.status ?? 200;
      if (out.headers !== undefined) res.set(out.headers);
      if (out.stream !== undefined) {
        openStream(res, out.stream);
        return;
      }
      if (out.raw !== undefined)
        res
          .status(status)
          .set(out.raw.headers ?? {})
          .type(out.raw.contentType)
          .send(out.raw.content);
      else if (out.body === undefined) res.status(status).end();
      else res.status(status).json(out.body);
    });
  }
}
