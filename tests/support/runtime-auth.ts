/**
 * Authentication for tests that run the real `runtime/main.ts` in a child process: the
 * owner comes from `OWNER_EMAIL` / `OWNER_PASSWORD` (as in CI and containers), and
 * calls carry the session cookie from a real sign-in.
 */
export const TEST_OWNER = {
  email: 'owner@conveyor.test',
  password: 'owner-password-for-tests',
} as const;

/** Environment for a child runtime: the owner is created at start. */
export const OWNER_ENV = {
  OWNER_EMAIL: TEST_OWNER.email,
  OWNER_PASSWORD: TEST_OWNER.password,
} as const;

const cookies = new Map<string, Promise<string>>();

/** Signs in as the test owner (once per server address); answers `conveyor_session=...`. */
export function ownerCookie(base: string): Promise<string> {
  const origin = new URL(base).origin;
  let cookie = cookies.get(origin);
  if (cookie === undefined) {
    cookie = (async () => {
      const res = await fetch(`${origin}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(TEST_OWNER),
      });
      const set = res.headers.get('set-cookie') ?? '';
      const value = /conveyor_session=[^;]+/.exec(set)?.[0];
      if (res.status !== 200 || value === undefined)
        throw new Error(`sign-in as the test owner failed: ${res.status} ${await res.text()}`);
      return value;
    })();
    cookie.catch(() => cookies.delete(origin));
    cookies.set(origin, cookie);
  }
  return cookie;
}

/** Headers that authenticate a call to a child runtime as the test owner. */
export async function ownerHeaders(base: string): Promise<Record<string, string>> {
  return { cookie: await ownerCookie(base) };
}
