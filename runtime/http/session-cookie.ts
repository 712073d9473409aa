import { parse, serialize } from 'cookie';

/** The session cookie's name (a contract: the designer and tests rely on it). */
export const SESSION_COOKIE = 'conveyor_session';

/** The session cookie's value in a `Cookie` header, if any. */
export function sessionCookieOf(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  return parse(header)[SESSION_COOKIE];
}

/**
 * The `Set-Cookie` value: HttpOnly (no script reads it), SameSite=Lax (not sent on
 * cross-site POSTs), Secure when the request came over HTTPS. `null` clears it.
 */
export function sessionSetCookie(value: string | null, secure: boolean): string {
  return serialize(SESSION_COOKIE, value ?? '', {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure,
    ...(value === null ? { expires: new Date(0) } : {}),
  });
}
