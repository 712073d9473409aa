import type { Router } from 'express';
import type { RouteDef } from './route.js';
import { validatePart } from './validate-request.js';

/** Registers route definitions: validate query and body first, then call the handler. */
export function mountRoutes(router: Router, routes: readonly RouteDef[]): void {
  for (const def of routes) {
    router[def.method](def.path, async (req, res) => {
      const query = { ...(req.query as Record<string, unknown>) };
      if (def.query !== undefined) validatePart(def.query, query, 'query');
      let body: unknown = req.body;
      if (def.body !== undefined) {
        if (body === undefined) body = {};
        validatePart(def.body, body, 'body');
      }
      const headers: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers[k] = v;
      const out = await def.handle({
        params: req.params as Record<string, string>,
        query,
        body,
        headers,
      });
      const status = out.status ?? 200;
      if (out.headers !== undefined) res.set(out.headers);
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
