import type { Diagnostic } from '../../schemas/index.js';

/** The one error type that turns into an HTTP answer `{error: {code, message, diagnostics?}}`. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly diagnostics?: readonly Diagnostic[],
    /** More fields of the error body (e.g. who changed a stale draft and when). */
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = (what: string): HttpError =>
  new HttpError(404, 'NOT_FOUND', `${what} not found`);
