import helmet from 'helmet';
import type { Request, RequestHandler, Response } from 'express';

/**
 * What a middleware does to every answer's headers, found by running it once on a
 * stand-in answer; undefined when it did anything else (then it runs per request).
 */
export function fixedHeaders(
  middleware: RequestHandler,
): { set: Array<[string, string]>; removed: string[] } | undefined {
  const set: Array<[string, string]> = [];
  const removed: string[] = [];
  let other = false;
  let passed = false;
  const res = new Proxy(
    {},
    {
      get: (_t, name) => {
        if (name === 'setHeader') return (k: string, v: unknown) => void set.push([k, String(v)]);
        if (name === 'removeHeader') return (k: string) => void removed.push(k);
        other = true;
        return undefined;
      },
    },
  ) as Response;
  const req = new Proxy({}, { get: () => ((other = true), undefined) }) as Request;
  void middleware(req, res, (e?: unknown) => {
    passed = e === undefined;
  });
  return passed && !other ? { set, removed } : undefined;
}

/**
 * Security headers on every answer (API and designer) through `helmet`, with a Content
 * Security Policy the built designer satisfies offline: scripts, workers (Monaco's and
 * the analyzer's, emitted by Vite as files), fonts (Monaco's codicon) and API calls all
 * come from this origin. Inline styles stay allowed because React Flow and Monaco set
 * `style` attributes and inject `<style>` elements; inline scripts do not.
 * No `upgrade-insecure-requests` (a plain-HTTP install on a LAN name would break) and
 * no HSTS: the TLS-terminating proxy in front, if any, decides that.
 */
export function securityHeaders(): RequestHandler {
  const middleware = helmetWithPolicy();
  // The same headers on every answer: set from a list made once (helmet's chain of a
  // dozen middlewares ran per request).
  const fixed = fixedHeaders(middleware);
  if (fixed === undefined) return middleware;
  const { set, removed } = fixed;
  return (_req, res, next) => {
    for (const [k, v] of set) res.setHeader(k, v);
    for (const k of removed) res.removeHeader(k);
    next();
  };
}

/** helmet with the policy above, run per request (`securityHeaders` sets what it sets once worked out). */
export function helmetWithPolicy(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        'base-uri': ["'self'"],
        // 'unsafe-eval': the designer's analyzer validates with ajv, which compiles each
        // schema with `new Function` (in the page and in its worker). Precompiling the
        // validators (ajv standalone code) at build time would let this go.
        'script-src': ["'self'", "'unsafe-eval'"],
        'script-src-attr': ["'none'"],
        'style-src': ["'self'", "'unsafe-inline'"],
        'font-src': ["'self'", 'data:'],
        'img-src': ["'self'", 'data:', 'blob:'],
        'worker-src': ["'self'", 'blob:'],
        'connect-src': ["'self'"],
        'object-src': ["'none'"],
        'frame-ancestors': ["'none'"],
        'form-action': ["'self'"],
      },
    },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
  });
}
