import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** A caller's id is kept when it is short and plain (a proxy's UUID, a trace id). */
const ACCEPTABLE = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives each request an id: the caller's `X-Request-Id` when it is plain text of at
 * most 128 characters (so a proxy's id follows the request through), a new UUID
 * otherwise (a hostile value never reaches the logs). Answered in `X-Request-Id` and
 * kept in `req.id` for the request log.
 */
export function requestId(): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && ACCEPTABLE.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader(REQUEST_ID_HEADER, id);
    next();
  };
}
