import type { RequestHandler } from 'express';
import { HttpError } from './http-error.js';

/** The hosts a server bound to `bound` answers by default: that address and the loopback names. */
export function defaultAllowedHosts(bound: string): string[] {
  return [...new Set([bound, 'localhost', '127.0.0.1', '::1'])];
}

/**
 * Reads `ALLOWED_HOSTS` (comma-separated host names or addresses, any port), falling
 * back to the bound address and localhost.
 *
 * @example allowedHostsFromEnv(process.env.ALLOWED_HOSTS, '127.0.0.1')
 */
export function allowedHostsFromEnv(value: string | undefined, bound: string): string[] {
  const listed = (value ?? '')
    .split(',')
    .map((h) => normalise(h.trim()))
    .filter((h) => h !== '');
  return listed.length > 0 ? listed : defaultAllowedHosts(bound);
}

function normalise(host: string): string {
  return host
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '');
}

/** The host name of a `Host` header (`name:port`, `[::1]:port`), or undefined when unreadable. */
function hostOf(header: string): string | undefined {
  try {
    const url = new URL(`http://${header}`);
    return url.username === '' && url.pathname === '/' ? normalise(url.hostname) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * DNS rebinding: a page on `evil.example` whose name is re-pointed at 127.0.0.1 reaches a
 * loopback-bound server as "same origin", but its requests still say `Host:
 * evil.example`. Only the hosts the server is configured for are answered (421
 * otherwise), on the API and the designer alike.
 */
export function checkHost(allowed: readonly string[]): RequestHandler {
  const hosts = new Set(allowed.map(normalise));
  // `Host` values already judged: parsing one as a URL on every request cost more than
  // the rest of this check. Only allowed ones are kept, so a flood of made-up names
  // cannot grow it.
  const allowedHeaders = new Set<string>();
  return (req, _res, next) => {
    const header = req.headers.host;
    if (header !== undefined && allowedHeaders.has(header)) return next();
    const host = header === undefined ? undefined : hostOf(header);
    if (host !== undefined && hosts.has(host)) {
      if (allowedHeaders.size < 100) allowedHeaders.add(header as string);
      return next();
    }
    next(
      new HttpError(
        421,
        'HOST_NOT_ALLOWED',
        `this server does not answer for Host "${header ?? ''}"; set ALLOWED_HOSTS to the names it is reached by`,
      ),
    );
  };
}
