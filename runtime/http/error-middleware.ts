import type { ErrorRequestHandler } from 'express';
import type { Logger } from '../engine/ports.js';
import { InvalidCursorError } from '../domain/invalid-cursor-error.js';
import { HttpError } from './http-error.js';

/** The one error handler, registered last: every failure answers `{error: {...}}`. */
export function errorMiddleware(log: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, _next) => {
    void _next;
    let e: HttpError;
    if (err instanceof HttpError) e = err;
    else if (err instanceof InvalidCursorError)
      e = new HttpError(
        400,
        'INVALID_CURSOR',
        'query parameter /cursor is not a cursor this list returned: start again without it',
      );
    else if ((err as { type?: string }).type === 'entity.parse.failed') {
      e = new HttpError(
        400,
        'MALFORMED_JSON',
        `/ the body is not valid JSON: ${(err as Error).message}`,
      );
    } else if (
      typeof (err as { status?: unknown }).status === 'number' &&
      (err as { status: number }).status < 500
    ) {
      const s = (err as { status: number }).status;
      e = new HttpError(s, s === 413 ? 'PAYLOAD_TOO_LARGE' : 'BAD_REQUEST', (err as Error).message);
    } else {
      // The request id (also in the answer's X-Request-Id) ties a user's report to this line.
      const id = typeof req.id === 'string' ? `request ${req.id}: ` : '';
      log.error(`${id}${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      e = new HttpError(500, 'INTERNAL', 'internal error');
    }
    res.status(e.status).json({
      error: {
        code: e.code,
        message: e.message,
        ...(e.diagnostics ? { diagnostics: e.diagnostics } : {}),
        ...e.details,
      },
    });
  };
}
