import { redactSecrets, splitUrlCredentials } from '../security/redact-secrets.js';
import { Agent, fetch as undiciFetch } from 'undici';
import type { DeliveryResult, HttpClient, HttpRequest } from './delivery-ports.js';
import {
  checkUrlHost,
  guardedLookup,
  NOTHING_ALLOWED,
  OutboundRefusedError,
  type OutboundAllow,
  type Resolve,
} from './outbound-guard.js';

/** Bytes of a response body kept in the outbox and timeline. */
export const EXCERPT_LIMIT = 500;

function excerptOf(text: string): string {
  return text.length > EXCERPT_LIMIT ? `${text.slice(0, EXCERPT_LIMIT)}…` : text;
}

/**
 * The start of a response body: enough for the excerpt, without reading a large answer
 * to its end. A body cut off mid-way still leaves the status, which decides the outcome.
 */
async function readStart(res: Awaited<ReturnType<typeof undiciFetch>>): Promise<string> {
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

export interface HttpClientOptions {
  /** Special-use hosts and ranges that may be reached anyway (`OUTBOUND_ALLOW`). */
  allow?: OutboundAllow;
  /** Name resolution (tests inject one that records calls and sends nothing). */
  resolve?: Resolve;
}

/** The refusal behind a failed fetch, when the guard refused the host. */
function refusalIn(e: unknown): OutboundRefusedError | undefined {
  for (let c: unknown = e; c instanceof Error; c = c.cause)
    if (c instanceof OutboundRefusedError) return c;
  return undefined;
}

/**
 * An HTTP client on undici's `fetch` with a per-request timeout (`AbortSignal.timeout`)
 * that refuses loopback, private and other special-use addresses (SSRF) unless allowed:
 * IP literals before connecting, names at connect time on every address they resolve
 * to, connecting only to the addresses checked. Redirects are not followed. A URL with
 * `user:password@` is sent as the bare URL with an `Authorization: Basic` header
 * (`fetch` refuses such URLs); no error it returns names the credentials.
 *
 * @example await createHttpClient({ allow: parseOutboundAllow(env.OUTBOUND_ALLOW) }).request({ url, method: 'POST', headers: {}, body: '{}', timeoutMs: 5000 })
 */
export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const allow = options.allow ?? NOTHING_ALLOWED;
  const dispatcher = new Agent({ connect: { lookup: guardedLookup(allow, options.resolve) } });
  return {
    async request(req: HttpRequest): Promise<DeliveryResult> {
      let res: Awaited<ReturnType<typeof undiciFetch>>;
      const { url, headers } = withUrlCredentials(req);
      try {
        checkUrlHost(new URL(url), allow);
        res = await undiciFetch(url, {
          method: req.method,
          headers,
          ...(req.method === 'GET' || req.body === undefined ? {} : { body: req.body }),
          signal: AbortSignal.timeout(req.timeoutMs),
          redirect: 'manual',
          dispatcher,
        });
      } catch (e) {
        const refused = refusalIn(e);
        // A refused address stays refused: no retry.
        if (refused !== undefined)
          return {
            ok: false,
            retry: false,
            error: refused.message,
            code: 'refused',
            params: { host: refused.host },
          };
        const name = e instanceof Error ? e.name : '';
        if (name === 'TimeoutError' || name === 'AbortError')
          return {
            ok: false,
            retry: true,
            error: `no answer within ${req.timeoutMs} ms`,
            code: 'timeout',
            params: { ms: req.timeoutMs },
          };
        const detail = redactSecrets(
          e instanceof Error ? (e.cause instanceof Error ? e.cause.message : e.message) : String(e),
        );
        return {
          ok: false,
          retry: true,
          error: `network error: ${detail}`,
          code: 'network',
          params: { detail },
        };
      }
      const excerpt = excerptOf(await readStart(res));
      if (res.status >= 200 && res.status < 300) return { ok: true, status: res.status, excerpt };
      return {
        ok: false,
        retry: transient(res.status),
        error: `HTTP ${res.status}`,
        code: 'http_status',
        params: { status: res.status },
        status: res.status,
        excerpt,
      };
    },
  };
}
