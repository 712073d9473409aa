import { isIP } from 'node:net';

type Env = Readonly<Record<string, string | undefined>>;

/** `PORT`: 0 (any free port) to 65535; default 3000. */
export function portFromEnv(env: Env): number {
  const raw = env.PORT?.trim() ?? '';
  if (raw === '') return 3000;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65_535)
    throw new Error(`PORT must be a whole number from 0 to 65535, not "${env.PORT}"`);
  return n;
}

/** `HOST`: the address to listen on (an IP address or a host name); default 127.0.0.1. */
export function hostFromEnv(env: Env): string {
  const raw = env.HOST?.trim() ?? '';
  if (raw === '') return '127.0.0.1';
  const bare = raw.replace(/^\[(.*)\]$/, '$1');
  if (isIP(bare) !== 0) return bare;
  if (/^(?=.{1,253}$)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/i.test(raw))
    return raw;
  throw new Error(
    `HOST must be an address to listen on (127.0.0.1, 0.0.0.0, ::) or a host name, not "${env.HOST}"`,
  );
}

/** A positive whole number setting (milliseconds, counts), `fallback` when unset. */
export function positiveIntegerFromEnv(env: Env, name: string, fallback: number): number {
  const raw = env[name]?.trim() ?? '';
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0)
    throw new Error(`${name} must be a positive whole number, not "${env[name]}"`);
  return n;
}

/** How long a graceful shutdown may take before the process exits anyway (`SHUTDOWN_TIMEOUT_MS`). */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 10_000;
