import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import type { Logger as PinoLogger } from 'pino';
import { pinoHttp } from 'pino-http';
import { REDACTED, redactSecrets } from '../security/redact-secrets.js';

/** Query parameters whose values are credentials (`?token=`, `?access_token=`...). */
const SECRET_QUERY = /([?&](?:[a-z_]*(?:token|password|secret|key)|code)=)[^&#]*/gi;

/**
 * A request path as it may be logged: inbound hook tokens (`/api/hooks/<token>`), secret
 * query values and URL credentials replaced by `***`.
 *
 * @example redactUrl('/api/hooks/abc?token=x&a=1') // '/api/hooks/***?token=***&a=1'
 */
export function redactUrl(url: string): string {
  return redactSecrets(url)
    .replace(/^(\/api\/hooks\/)[^/?#]+/, `$1${REDACTED}`)
    .replace(SECRET_QUERY, `$1${REDACTED}`);
}

interface SerializedReq {
  id?: unknown;
  method?: string;
  url?: string;
  remoteAddress?: string;
}

/** Health probes answer every few seconds: logged only when they fail. */
function isProbe(req: IncomingMessage): boolean {
  const path = ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0];
  return path === '/api/health' || path === '/api/ready';
}

/**
 * One JSON line per finished request (method, redacted path, status, time taken, the
 * request id of `requestId()`), at `warn` for 4xx and `error` for 5xx. No headers and no
 * bodies are logged: they carry cookies, tokens and passwords.
 */
export function requestLogging(logger: PinoLogger): RequestHandler {
  const middleware = pinoHttp({
    logger,
    genReqId: (req: IncomingMessage) => req.id,
    customLogLevel: (req: IncomingMessage, res: ServerResponse, err?: Error) =>
      err !== undefined || res.statusCode >= 500
        ? 'error'
        : res.statusCode >= 400
          ? 'warn'
          : isProbe(req)
            ? 'silent'
            : 'info',
    serializers: {
      req: (r: SerializedReq) => ({
        id: r.id,
        method: r.method,
        url: redactUrl(r.url ?? ''),
        remoteAddress: r.remoteAddress,
      }),
      res: (r: { statusCode?: number }) => ({ statusCode: r.statusCode }),
    },
  });
  return (req, res, next) => middleware(req, res, next);
}
