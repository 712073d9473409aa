import { ApiError } from './api-types.js';
import { SIGN_IN_CODES, signalUnauthenticated } from '../access/auth-signal.js';

type ErrorBody = {
  error?: { code?: string; message?: string; diagnostics?: ApiError['diagnostics'] } & Record<
    string,
    unknown
  >;
};

/** Request options beyond method and body. */
export interface CallOptions {
  /** Extra request headers (`If-Match`). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Outlives the page (a save on page hide); the browser limits the body to 64 KiB. */
  readonly keepalive?: boolean;
}

export type JsonCall = <T>(
  method: string,
  path: string,
  body?: unknown,
  options?: CallOptions,
) => Promise<T>;

/** Like `JsonCall`, also answering the response's `ETag`. */
export type JsonCallWithEtag = <T>(
  method: string,
  path: string,
  body?: unknown,
  options?: CallOptions,
) => Promise<{ body: T; etag?: string }>;

/**
 * A JSON request helper against the runtime: non-2xx answers become `ApiError` with the
 * runtime's code, message and diagnostics.
 *
 * @example const call = httpJson('/api'); await call('GET', '/examples');
 */
export function httpJson(base = '/api', fetchImpl: typeof fetch = (...a) => fetch(...a)): JsonCall {
  const call = httpJsonWithEtag(base, fetchImpl);
  return async <T>(method: string, path: string, body?: unknown, options?: CallOptions) =>
    (await call<T>(method, path, body, options)).body;
}

/**
 * `httpJson` that also answers the `ETag` header (a model draft's revision).
 *
 * @example const { body, etag } = await httpJsonWithEtag()('GET', '/models/leads');
 */
export function httpJsonWithEtag(
  base = '/api',
  fetchImpl: typeof fetch = (...a) => fetch(...a),
): JsonCallWithEtag {
  return async <T>(method: string, path: string, body?: unknown, options?: CallOptions) => {
    const res = await fetchImpl(`${base}${path}`, {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options?.headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
      ...(options?.keepalive ? { keepalive: true } : {}),
    });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const err = (json as ErrorBody | undefined)?.error;
      const { code, message, diagnostics, ...details } = err ?? {};
      // The session ended or never was: the app shows sign-in, then comes back here.
      if (res.status === 401 && code !== undefined && SIGN_IN_CODES.has(code))
        signalUnauthenticated(code);
      throw new ApiError(
        res.status,
        code ?? `HTTP_${res.status}`,
        message ?? res.statusText,
        diagnostics ?? [],
        details,
      );
    }
    const etag = res.headers.get('etag');
    return { body: json as T, ...(etag ? { etag } : {}) };
  };
}
