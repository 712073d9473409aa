import type { TSchema } from '@sinclair/typebox';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** Request headers by lower-case name (only single-valued ones). */
  headers: Readonly<Record<string, string | undefined>>;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Extra response headers (e.g. `ETag`). */
  headers?: Record<string, string>;
  /** A download instead of JSON (documents): sent as is with these headers. */
  raw?: { contentType: string; headers?: Record<string, string>; content: string };
}

/**
 * One HTTP route: its shapes (which validate the request and document it in OpenAPI)
 * and a handler that calls a service. Handlers never touch Express.
 */
export interface RouteDef {
  method: Method;
  path: string;
  summary: string;
  tag: string;
  params?: Record<string, TSchema>;
  query?: TSchema;
  /** Request headers this route reads, documented in OpenAPI (name -> description). */
  requestHeaders?: Record<string, string>;
  body?: TSchema;
  /** Media type of the 200 answer when it is not JSON (a route answering `raw`). */
  produces?: string;
  /** Status -> body schema (undefined: no body). */
  responses: Record<number, TSchema | undefined>;
  handle(req: RouteRequest): Promise<RouteResult>;
}
