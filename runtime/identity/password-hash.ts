import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with the library's defaults (19 MiB, 2 passes: OWASP's minimum), run off the
 * event loop by the native binding. The PHC string carries its own parameters, so a
 * later change of cost still verifies older hashes.
 */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** A hash of nothing anyone knows: unknown emails are verified against it (same timing). */
const DUMMY = hash('conveyor: no such account');

/**
 * Whether `password` matches `phc`; with `phc` undefined (no such account) a dummy hash
 * is verified anyway, so a wrong email takes as long as a wrong password.
 */
export async function verifyPassword(phc: string | undefined, password: string): Promise<boolean> {
  try {
    const ok = await verify(phc ?? (await DUMMY), password);
    return phc !== undefined && ok;
  } catch {
    // A damaged hash is a refusal, never a crash.
    return false;
  }
}

/** What a password must be: long enough to resist guessing, short enough to hash quickly. */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 256;
