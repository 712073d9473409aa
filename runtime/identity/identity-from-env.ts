import type { OwnerFromEnv } from './setup-service.js';

/**
 * `OWNER_EMAIL` and `OWNER_PASSWORD` (with optional `OWNER_NAME`): the owner created at
 * start when there is none. One without the other is a start-up error naming both.
 */
export function ownerFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): OwnerFromEnv | undefined {
  const email = env.OWNER_EMAIL?.trim() ?? '';
  const password = env.OWNER_PASSWORD ?? '';
  if (email === '' && password === '') return undefined;
  if (email === '' || password === '')
    throw new Error(
      'OWNER_EMAIL and OWNER_PASSWORD go together: set both, or neither (then a setup link is printed)',
    );
  if (!/^[^@\s]+@[^@\s]+$/.test(email))
    throw new Error(`OWNER_EMAIL is not an email address: "${email}"`);
  const name = env.OWNER_NAME?.trim();
  return { email, password, ...(name ? { name } : {}) };
}

/**
 * `TRUST_PROXY`: Express's `trust proxy` (`true`, a hop count, or addresses/subnets such
 * as `loopback` or `10.0.0.0/8`); unset: the socket's address is the client's, and
 * `X-Forwarded-*` headers are ignored.
 */
export function trustProxyFromEnv(
  value: string | undefined,
): boolean | number | string | undefined {
  const v = value?.trim() ?? '';
  if (v === '' || v === 'false') return undefined;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** The address to print in the setup link: the bound one, or a name people use for `0.0.0.0`. */
export function linkHost(host: string, allowedHosts: readonly string[]): string {
  if (host !== '0.0.0.0' && host !== '::') return host.includes(':') ? `[${host}]` : host;
  const named = allowedHosts.find((h) => h !== '0.0.0.0' && h !== '::');
  return named === undefined ? 'localhost' : named.includes(':') ? `[${named}]` : named;
}
