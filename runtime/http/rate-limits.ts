import type { Express, RequestHandler } from 'express';
import { rateLimit, type RateLimitInfo } from 'express-rate-limit';
import { HttpError } from './http-error.js';

/** Requests per minute per client address; 0 turns a limit off. */
export interface RateLimits {
  /** Calls to `POST /api/hooks/:token` with a wrong or withdrawn token (401, 410). */
  readonly hookFailuresPerMinute: number;
  /** Reads of whole lists (records, outbox, dead letters, documents, timers, versions). */
  readonly bulkReadsPerMinute: number;
}

export const DEFAULT_RATE_LIMITS: RateLimits = {
  hookFailuresPerMinute: 20,
  bulkReadsPerMinute: 600,
};

/** The list routes a scraper would walk: every record, item or version at once. */
export const BULK_READ_PATHS = [
  '/api/records/:entity',
  '/api/outbox',
  '/api/dead-letters',
  '/api/documents',
  '/api/timers',
  '/api/models/:id/versions',
] as const;

/**
 * Reads `RATE_LIMIT_HOOK_FAILURES` and `RATE_LIMIT_BULK_READS` (per minute per address,
 * 0 = off); anything but a whole number is a startup error naming the variable.
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
  };
}

function limiter(limit: number, what: string, onlyFailures: boolean): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    ...(onlyFailures
      ? {
          skipSuccessfulRequests: true,
          requestWasSuccessful: (_req, res) => res.statusCode !== 401 && res.statusCode !== 410,
        }
      : {}),
    handler: (req, res, next, options) => {
      // express-rate-limit puts its counts on the request as `rateLimit`.
      const reset = (req as { rateLimit?: RateLimitInfo }).rateLimit?.resetTime;
      const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
      res.set('retry-after', String(seconds));
      next(
        new HttpError(
          options.statusCode,
          'RATE_LIMITED',
          `too many ${what} from this address (at most ${limit} a minute); try again in ${seconds} s`,
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
      limiter(limits.hookFailuresPerMinute, 'calls with a wrong hook token', true),
    );
  if (limits.bulkReadsPerMinute > 0)
    app.get([...BULK_READ_PATHS], limiter(limits.bulkReadsPerMinute, 'list reads', false));
}
