import type { Request } from 'express';
import { HttpError } from './http-error.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Reads `ALLOWED_ORIGINS` (comma-separated origins such as `https://crm.example.com`)
 * besides the request's own; a value that is not an origin is a start-up error.
 */
export function allowedOriginsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter((o) => o !== '')
    .map((o) => {
      let origin: string;
      try {
        origin = new URL(o).origin;
      } catch {
        origin = 'null';
      }
      if (origin === 'null' || origin !== o.replace(/\/$/, ''))
        throw new Error(`ALLOWED_ORIGINS: "${o}" is not an origin such as https://crm.example.com`);
      return origin;
    });
}

/**
 * Cross-site requests riding on the browser's cookie: a state-changing request without
 * a bearer token must come from the server's own origin (`Origin`, or when a browser
 * sends none, `Sec-Fetch-Site: same-origin`), else 403 `CROSS_SITE`. Clients that send
 * neither header (scripts, curl) are not browsers and pass; bearer tokens are never
 * sent by a browser on its own.
 */
export function checkOrigin(req: Request, allowed: readonly string[]): void {
  if (!STATE_CHANGING.has(req.method)) return;
  if (/^bearer\s/i.test(req.headers.authorization ?? '')) return;
  const origin = req.headers.origin;
  if (origin !== undefined) {
    const own = `${req.protocol}://${req.headers.host ?? ''}`.toLowerCase();
    if (origin.toLowerCase() === own || allowed.includes(origin)) return;
    throw new HttpError(
      403,
      'CROSS_SITE',
      `${req.method} ${req.path} from origin ${origin.slice(0, 200)} refused: only this server's own pages may change things with its cookie`,
    );
  }
  const site = req.headers['sec-fetch-site'];
  if (site === undefined || site === 'same-origin' || site === 'none') return;
  throw new HttpError(
    403,
    'CROSS_SITE',
    `${req.method} ${req.path} from another site (Sec-Fetch-Site: ${String(site).slice(0, 40)}) refused`,
  );
}
