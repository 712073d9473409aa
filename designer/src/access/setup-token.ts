/**
 * The one-time token from the setup link's fragment (`/setup#token=...`): the server
 * prints it there so no request, and no access log, ever carries it.
 *
 * @example setupTokenOf('#token=abc') // 'abc'
 */
export function setupTokenOf(hash: string): string | null {
  const token = new URLSearchParams(hash.replace(/^#/, '')).get('token');
  return token === null || token === '' ? null : token;
}

/** Whether the page is the setup link's (`/setup`, whatever follows in the fragment). */
export function isSetupPath(pathname: string): boolean {
  return pathname.replace(/\/+$/, '') === '/setup';
}
