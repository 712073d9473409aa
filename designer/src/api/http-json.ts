import { ApiError } from './api-types.js';

type ErrorBody = {
  error?: { code?: string; message?: string; diagnostics?: ApiError['diagnostics'] };
};

export type JsonCall = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/**
 * A JSON request helper against the runtime: non-2xx answers become `ApiError` with the
 * runtime's code, message and diagnostics.
 *
 * @example const call = httpJson('/api'); await call('GET', '/examples');
 */
export function httpJson(base = '/api', fetchImpl: typeof fetch = (...a) => fetch(...a)): JsonCall {
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetchImpl(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    const json: unknown = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const err = (json as ErrorBody | undefined)?.error;
      throw new ApiError(
        res.status,
        err?.code ?? `HTTP_${res.status}`,
        err?.message ?? res.statusText,
        err?.diagnostics ?? [],
      );
    }
    return json as T;
  };
}
