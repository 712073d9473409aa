/** What stands in for a removed secret. */
export const REDACTED = '***';

const TOKEN = /[^\s"'<>()]+/g;
const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** One word of text with its credentials masked, if it holds any. */
function redactToken(token: string): string {
  const scheme = SCHEME.exec(token)?.[0];
  if (scheme !== undefined) {
    // The userinfo ends at the LAST `@` of the authority (a password may hold an `@`).
    const rest = token.slice(scheme.length);
    const end = rest.search(/[/?#]/);
    const authority = end === -1 ? rest : rest.slice(0, end);
    const at = authority.lastIndexOf('@');
    return at === -1 ? token : `${scheme}${REDACTED}${rest.slice(at)}`;
  }
  // No `scheme://` (a malformed URL such as `smtp//bob:pw@host`): `something:secret@`.
  const at = token.lastIndexOf('@');
  return at > 0 && token.slice(0, at).includes(':') ? `${REDACTED}${token.slice(at)}` : token;
}

/**
 * Removes credentials from any text that may leave the process (logs, error messages,
 * `lastError`, timeline entries, API answers): the user and password of every URL,
 * well-formed or not. The one redaction rule, so that no place keeps its own copy.
 * Plain email addresses (`a@b.com`) are left alone.
 *
 * @example redactSecrets('connect ECONNREFUSED http://bot:s3cret@127.0.0.1:9/send')
 *   // 'connect ECONNREFUSED http://***@127.0.0.1:9/send'
 */
export function redactSecrets(text: string): string {
  return text.includes('@') ? text.replace(TOKEN, redactToken) : text;
}

/** A URL split into what may be fetched and shown, and its basic-auth header. */
export interface UrlCredentials {
  /** The URL without user and password. */
  readonly url: string;
  /** `Basic base64(user:password)` when the URL carried credentials. */
  readonly authorization?: string;
}

/**
 * Turns `https://user:password@host/path` into the bare URL and an `Authorization:
 * Basic` value, as browsers do: `fetch` refuses URLs with credentials, and a URL kept
 * whole would carry the password into every message that names it. A string that is
 * not a URL is returned as is (the request fails later with a redacted message).
 *
 * @example splitUrlCredentials('http://bot:s3cret@gw.local/send')
 *   // { url: 'http://gw.local/send', authorization: 'Basic Ym90OnMzY3JldA==' }
 */
export function splitUrlCredentials(raw: string): UrlCredentials {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return { url: raw };
  }
  if (u.username === '' && u.password === '') return { url: raw };
  const user = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  u.username = '';
  u.password = '';
  const token = Buffer.from(`${user}:${password}`, 'utf8').toString('base64');
  return { url: u.toString(), authorization: `Basic ${token}` };
}
