import { redactSecrets, splitUrlCredentials } from '../security/redact-secrets.js';
import type { DeliveryResult, HttpClient, HttpRequest } from './delivery-ports.js';

/** Bytes of a response body kept in the outbox and timeline. */
export const EXCERPT_LIMIT = 500;

function excerptOf(text: string): string {
  return text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}…` : text;
}

/**
 * The start of a response body: enough for the excerpt, without reading a large answer
 * to its end. A body cut off mid-way still leaves the status, which decides the outcome.
 */
async function readStart(res: Response): Promise<string> {
  if (res.body === null) return '';
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (text.length <= EXCERPT_LIMIT) {
      const { done, value } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await reader.cancel();
  } catch {
    // Keep what arrived.
  }
  return text;
}

/** Transient means another attempt may succeed: 5xx, 408 and 429. */
function transient(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** `authorization` from the URL's credentials, unless the request names its own. */
function withUrlCredentials(req: HttpRequest): { url: string; headers: Record<string, string> } {
  const { url, authorization } = splitUrlCredentials(req.url);
  const named = Object.keys(req.headers).some((h) => h.toLowerCase() === 'authorization');
  return {
    url,
    headers: authorization === undefined || named ? req.headers : { ...req.headers, authorization },
  };
}

/**
 * An HTTP client on Node's `fetch` with a per-request timeout (`AbortSignal.timeout`).
 * A URL with `user:password@` is sent as the bare URL with an `Authorization: Basic`
 * header (`fetch` refuses such URLs); no error it returns names the credentials.
 *
 * @example await createHttpClient().request({ url, method: 'POST', headers: {}, body: '{}', timeoutMs: 5000 })
 */
export function createHttpClient(fetchImpl: typeof fetch = fetch): HttpClient {
  return {
    async request(req: HttpRequest): Promise<DeliveryResult> {
      let res: Response;
      const { url, headers } = withUrlCredentials(req);
      try {
        res = await fetchImpl(url, {
          method: req.method,
          headers,
          ...(req.method === 'GET' || req.body === undefined ? {} : { body: req.body }),
          signal: AbortSignal.timeout(req.timeoutMs),
          redirect: 'manual',
        });
      } catch (e) {
        const name = e instanceof Error ? e.name : '';
        const error =
          name === 'TimeoutError' || name === 'AbortError'
            ? `no answer within ${req.timeoutMs} ms`
            : `network error: ${e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e)}`;
        return { ok: false, retry: true, error: redactSecrets(error) };
      }
      const excerpt = excerptOf(await readStart(res));
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, excerpt };
      return {
        ok: false,
        retry: transient(res.status),
        error: `HTTP ${res.status}`,
        status: res.status,
        excerpt,
      };
    },
  };
}
