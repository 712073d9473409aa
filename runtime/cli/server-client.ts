/** A failure talking to a running server, worded for the person at the terminal. */
export class ServerClientError extends Error {
  constructor(
    message: string,
    /** The server's answer, when it answered: its status and error code. */
    readonly status?: number,
    readonly code?: string,
    /** The error body's other details (a conflict's current revision). */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'ServerClientError';
  }
}

/** A successful answer with the headers a command may need. */
export interface ServerAnswer {
  body: unknown;
  etag: string | undefined;
}

export interface ServerClient {
  readonly url: string;
  /** A JSON call to `path` (under `/api`), authenticated with `CONVEYOR_TOKEN`. */
  request(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<unknown>;
  /** The same, answering the body with the `ETag` (for a later `If-Match`). */
  call(
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<ServerAnswer>;
}

/**
 * The running server the CLI talks to: `CONVEYOR_URL` (default
 * `http://127.0.0.1:3000`) with the API token in `CONVEYOR_TOKEN` (from `POST
 * /api/tokens`), sent as `Authorization: Bearer`. A missing token, an unreachable
 * server and a refused token each throw a `ServerClientError` saying what to do.
 */
export function serverClientFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ServerClient {
  const url = (env.CONVEYOR_URL?.trim() || 'http://127.0.0.1:3000').replace(/\/+$/, '');
  const token = env.CONVEYOR_TOKEN?.trim() ?? '';
  const client: ServerClient = {
    url,
    async request(method, path, body, headers) {
      return (await client.call(method, path, body, headers)).body;
    },
    async call(method, path, body, headers = {}) {
      if (token === '')
        throw new ServerClientError(
          'CONVEYOR_TOKEN is not set: create an API token (POST /api/tokens, or the designer) and export CONVEYOR_TOKEN=cvy_...',
        );
      let res: Response;
      try {
        res = await fetch(`${url}/api${path}`, {
          method,
          headers: {
            ...headers,
            authorization: `Bearer ${token}`,
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (e) {
        const cause = (e as { cause?: { code?: string } }).cause?.code ?? String(e);
        throw new ServerClientError(
          `cannot reach the server at ${url} (${cause}); set CONVEYOR_URL`,
        );
      }
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text === '' ? undefined : JSON.parse(text);
      } catch {
        throw new ServerClientError(
          `${url} answered ${res.status} with something that is not JSON`,
        );
      }
      if (res.ok) return { body: parsed, etag: res.headers.get('etag') ?? undefined };
      const error = (
        parsed as
          { error?: { code?: string; message?: string } & Record<string, unknown> } | undefined
      )?.error;
      if (res.status === 401)
        throw new ServerClientError(
          `the server at ${url} refused CONVEYOR_TOKEN (${error?.code ?? 401}: ${error?.message ?? ''}); it may be revoked, mistyped, or its account deactivated`,
          401,
          error?.code,
        );
      throw new ServerClientError(
        `${method} ${path} answered ${res.status} ${error?.code ?? ''}: ${error?.message ?? text.slice(0, 200)}`,
        res.status,
        error?.code,
        error ?? {},
      );
    },
  };
  return client;
}
