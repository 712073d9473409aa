/** A failure talking to a running server, worded for the person at the terminal. */
export class ServerClientError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ServerClientError';
  }
}

export interface ServerClient {
  readonly url: string;
  /** A JSON call to `path` (under `/api`), authenticated with `CONVEYOR_TOKEN`. */
  request(method: string, path: string, body?: unknown): Promise<unknown>;
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
  return {
    url,
    async request(method, path, body) {
      if (token === '')
        throw new ServerClientError(
          'CONVEYOR_TOKEN is not set: create an API token (POST /api/tokens, or the designer) and export CONVEYOR_TOKEN=cvy_...',
        );
      let res: Response;
      try {
        res = await fetch(`${url}/api${path}`, {
          method,
          headers: {
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
      if (res.ok) return parsed;
      const error = (parsed as { error?: { code?: string; message?: string } } | undefined)?.error;
      if (res.status === 401)
        throw new ServerClientError(
          `the server at ${url} refused CONVEYOR_TOKEN (${error?.code ?? 401}: ${error?.message ?? ''}); it may be revoked, mistyped, or its account deactivated`,
        );
      throw new ServerClientError(
        `${method} ${path} answered ${res.status} ${error?.code ?? ''}: ${error?.message ?? text.slice(0, 200)}`,
      );
    },
  };
}
