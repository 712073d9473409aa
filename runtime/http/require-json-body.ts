import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Whether the request carries a body at all (a length above 0, or chunked). */
function hasBody(headers: Record<string, string | string[] | undefined>): boolean {
  if (headers['transfer-encoding'] !== undefined) return true;
  const length = headers['content-length'];
  return length !== undefined && length !== '0';
}

/**
 * Cross-site requests: a web page on another site can make a browser send a POST with a
 * `text/plain`, form or empty body without asking the server first (a "simple"
 * request), but never one declared `application/json`. So every state-changing request
 * must declare JSON: POST, PUT and PATCH always (an empty body too), DELETE whenever it
 * has a body (a bodiless cross-site DELETE is preflighted by the browser anyway).
 * Inbound hooks follow the same rule: their body was only ever read as JSON.
 */
export function requireJsonBody(): RequestHandler {
  return (req, _res, next) => {
    if (!STATE_CHANGING.has(req.method)) return next();
    if (req.method === 'DELETE' && !hasBody(req.headers)) return next();
    const type = req.headers['content-type'];
    // The header itself, not `req.is` (which answers null for a bodiless request).
    const declared = (type ?? '').split(';')[0]!.trim().toLowerCase();
    if (declared === 'application/json' || /^application\/[\w.+-]+\+json$/.test(declared))
      return next();
    next(
      new HttpError(
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        `${req.method} ${req.path} needs Content-Type: application/json${type === undefined ? ' (none was given)' : ` (not ${type})`}`,
      ),
    );
  };
}
