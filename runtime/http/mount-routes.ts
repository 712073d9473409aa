import { Type, type TSchema } from '@sinclair/typebox';
import type { Router } from 'express';
import type { RouteDef } from './route.js';
import { validatePart } from './validate-request.js';

/** Registers route definitions: validate path, query and body first, then call the handler. */
export function mountRoutes(router: Router, routes: readonly RouteDef[]): void {
  for (const def of routes) {
    const params: TSchema | undefined =
      def.params === undefined ? undefined : Type.Object(def.params);
    router[def.method](def.path, async (req, res) => {
      // Copied onto a plain object: the handler reads named own properties only.
      const path = { ...(req.params as Record<string, string>) };
      if (params !== undefined) validatePart(params, path, 'path');
      const query = { ...(req.query as Record<string, unknown>) };
      if (def.query !== undefined) validatePart(def.query, query, 'query');
      let body: unknown = req.body;
      if (def.body !== undefined) {
        if (body === undefined) body = {};
        validatePart(def.body, body, 'body');
      }
      const out = await def.handle({ params: path, query, body });
      const status = out.status ?? 200;
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
