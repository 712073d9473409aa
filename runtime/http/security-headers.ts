import helmet from 'helmet';
import type { RequestHandler } from 'express';

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
