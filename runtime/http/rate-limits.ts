import type { Express, Request, RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { HttpError } from './http-error.js';

/** Requests per minute per client address; 0 turns a limit off. */
export interface RateLimits {
  /** Calls to `POST /api/hooks/:token` with a wrong or withdrawn token (401, 410). */
  readonly hookFailuresPerMinute: number;
  /** Reads of whole lists (records, outbox, dead letters, documents, timers, versions). */
  readonly bulkReadsPerMinute: number;
  /** Failed sign-ins, counted per address and per account (email) separately. */
  readonly signInFailuresPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  hookFailuresPerMinute: 20,
  bulkReadsPerMinute: 600,
  signInFailuresPerMinute: 10,
};

/** The list routes a scraper would walk: every record, item or version at once. */
export const BULK_READ_PATHS = [
  '/api/records/:entity',
  '/api/records/:entity/export',
  '/api/records/:entity/count',
  '/api/outbox',
  '/api/dead-letters',
  '/api/documents',
  '/api/timers',
  '/api/models/:id/versions',
] as const;

/**
 * Reads `RATE_LIMIT_HOOK_FAILURES`, `RATE_LIMIT_BULK_READS` and `RATE_LIMIT_SIGN_IN`
 * (per minute, 0 = off); anything but a whole number is a startup error naming the
 * variable.
 */
export function rateLimitsFromEnv(env: Readonly<Record<string, string | undefined>>): RateLimits {
  const read = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    if (!/^\d+$/.test(raw.trim()))
      throw new Error(
        `${name} must be a whole number of requests per minute (0 = off), not "${raw}"`,
      );
    return Number(raw.trim());
  };
  return {
    hookFailuresPerMinute: read(
      'RATE_LIMIT_HOOK_FAILURES',
      DEFAULT_RATE_LIMITS.hookFailuresPerMinute,
    ),
    bulkReadsPerMinute: read('RATE_LIMIT_BULK_READS', DEFAULT_RATE_LIMITS.bulkReadsPerMinute),
    signInFailuresPerMinute: read(
      'RATE_LIMIT_SIGN_IN',
      DEFAULT_RATE_LIMITS.signInFailuresPerMinute,
    ),
  };
}

function limiter(
  limit: number,
  what: string,
  /** Given: only answers it calls failures count. */
  failed: ((status: number) => boolean) | undefined,
  keyOf?: (req: Request) => string,
): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    ...(keyOf === undefined ? {} : { keyGenerator: keyOf }),
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(failed === undefined
      ? {}
      : {
          skipSuccessfulRequests: true,
          requestWasSuccessful: (_req, res) => !failed(res.statusCode),
        }),
    handler: (req, res, next, options) => {
      // express-rate-limit puts its counts on the request as `rateLimit`.
      const reset = (req as { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      res.set('retry-after', String(seconds));
      next(
        new HttpError(
          options.statusCode,
          'RATE_LIMITED',
          `too many ${what} (at most ${limit} a minute); try again in ${seconds} s`,
        ),
      );
    },
  });
}

/**
 * Mounts the limits before the routes: guessing hook tokens and walking every list are
 * slowed down per client address (the socket's address: behind a proxy every client
 * shares the proxy's).
 */
export function mountRateLimits(app: Express, limits: RateLimits): void {
  if (limits.hookFailuresPerMinute > 0)
    app.post(
      '/api/hooks/:token',
      limiter(
        limits.hookFailuresPerMinute,
        'calls with a wrong hook token from this address',
        (s) => s === 401 || s === 410,
      ),
    );
  if (limits.bulkReadsPerMinute > 0)
    app.get(
      [...BULK_READ_PATHS],
      limiter(limits.bulkReadsPerMinute, 'list reads from this address', undefined),
    );
}

/**
 * Failed sign-ins, limited per client address and per account (the email asked for),
 * so guessing one account's password from many addresses is slowed down too. Mounted
 * after the JSON body parser: the account's key is in the body.
 */
export function mountSignInLimits(app: Express, limits: RateLimits): void {
  const n = limits.signInFailuresPerMinute;
  if (n <= 0) return;
  const email = (req: Request): string => {
    const e = (req.body as { email?: unknown } | undefined)?.email;
    return `account:${typeof e === 'string' ? e.trim().toLowerCase().slice(0, 320) : ''}`;
  };
  app.post(
    '/api/auth/sign-in',
    limiter(n, 'failed sign-ins from this address', (s) => s === 401),
    limiter(n, 'failed sign-ins for this account', (s) => s === 401, email),
  );
}
