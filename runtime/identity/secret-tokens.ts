import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** SHA-256 (hex) of a secret: what the store keeps instead of it. */
export function sha256Hex(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** The value of a session cookie: 32 random bytes, base64url. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The prefix of every API token, so secret scanners recognise a leaked one. */
export const API_TOKEN_PREFIX = 'cvy_';

/**
 * A new API token `cvy_<id>_<secret>`: the id (not secret) finds the stored hash
 * without a scan; the 32 random bytes are the secret.
 */
export function newApiToken(id: string): string {
  return `${API_TOKEN_PREFIX}${id}_${randomBytes(32).toString('base64url')}`;
}

/** The token id inside an API token, or undefined when it is not shaped like one. */
export function apiTokenId(token: string): string | undefined {
  const m = /^cvy_([a-z0-9]{8,40})_[A-Za-z0-9_-]{43}$/.exec(token);
  return m?.[1];
}

/** Compares two hex digests in constant time. */
export function sameDigest(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/** A short random id (lower-case letters and digits) for tokens and setup links. */
export function randomId(bytes = 10): string {
  return randomBytes(bytes).toString('hex');
}
