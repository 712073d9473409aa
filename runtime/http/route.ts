import type { TSchema } from '@sinclair/typebox';
import type { AccessAction, AccessSubject } from '../access/ability.js';
import type { Access } from '../access/access.js';
import type { Actor } from '../domain/actor.js';
import type { RecordDoc } from '../domain/record.js';
import type { Authenticated } from '../identity/authenticated.js';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RouteRequest {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
  /** Request headers by lower-case name (only single-valued ones). */
  headers: Readonly<Record<string, string | undefined>>;
  /** Who calls: present on every route that needs credentials (absent on open ones). */
  actor?: Actor;
  /** The account, session or token behind `actor`. */
  auth?: Authenticated;
  /** What the caller may do (the permission matrix); present wherever `auth` is. */
  access?: Access;
  /**
   * The record the path names, as the permission check read it (before any change, so
   * as current as a handler's own read before its change): a handler that checks it
   * first need not read it again. Absent where the check read none or found none.
   */
  pathRecord?: RecordDoc;
  /** The client's address (the proxy's, unless `TRUST_PROXY` is set). */
  address: string;
  /** Whether the request came over HTTPS (behind a proxy: with `TRUST_PROXY` set). */
  secure: boolean;
}

/** The session cookie's new value (sign-in, setup) or `null` to clear it (sign-out). */
export interface SessionCookie {
  value: string | null;
}

export interface RouteResult {
  status?: number;
  body?: unknown;
  /** Extra response headers (e.g. `ETag`). */
  headers?: Record<string, string>;
  /** A download instead of JSON (documents): sent as is with these headers. */
  raw?: { contentType: string; headers?: Record<string, string>; content: string };
  /** Sets or clears the `conveyor_session` cookie. */
  sessionCookie?: SessionCookie;
  /** A Server-Sent Events stream instead of a body (`text/event-stream`). */
  stream?: EventStream;
}

/**
 * A long-lived answer: `open` is called once the headers are out, with `send` (writes
 * raw SSE frames) and `end` (ends the response); it answers its cleanup, which runs
 * when the client goes away or the stream ends.
 */
export interface EventStream {
  open(send: (frame: string) => void, end: () => void): () => void;
}

/**
 * Who may call a route without credentials: `always` (health, OpenAPI, the owner's
 * setup), `after-setup` (sign-in, inbound hooks: their own secret) once an owner
 * exists. Absent: a session cookie or an API token is needed.
 */
export type OpenAccess = 'always' | 'after-setup';

/**
 * What a route needs of the permission matrix, checked centrally before its handler
 * (403 `FORBIDDEN`). `subject` besides the matrix's own subjects:
 * - `:entity`: the entity of the path; a route naming a record (`:entity/:id`) is
 *   checked on that record too: 404 outside the read scope, 403 when `action` is not
 *   allowed on it;
 * - `:record`: a record the handler finds (a task's, an event's), checked there;
 * - `:every-record`: lists across records of every entity (outbox, timers, documents)
 *   need `action` on all records of every entity, not only one's own.
 * `signed-in`: any caller with credentials (their own session, account and sign-out).
 */
export type RoutePermission =
  | {
      action: AccessAction;
      subject: AccessSubject | ':entity' | ':record' | ':every-record';
    }
  | 'signed-in';

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
  /** Absent: the route needs a signed-in caller (cookie or token). */
  open?: OpenAccess;
  /** Required on every route that is not `open` (the server refuses to start without). */
  permission?: RoutePermission;
  /** Status -> body schema (undefined: no body). */
  responses: Record<number, TSchema | undefined>;
  handle(req: RouteRequest): Promise<RouteResult>;
}
