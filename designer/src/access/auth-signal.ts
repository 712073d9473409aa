/**
 * Any API call answered 401 for want of a session (`UNAUTHENTICATED`, or
 * `SETUP_REQUIRED` before the owner exists) tells the app to show sign-in. A wrong
 * password (`WRONG_CREDENTIALS`) is an answer to the sign-in form, not such a signal.
 */
export const SIGN_IN_CODES: ReadonlySet<string> = new Set(['UNAUTHENTICATED', 'SETUP_REQUIRED']);

type Listener = (code: string) => void;
const listeners = new Set<Listener>();

/**
 * Called by the HTTP helper on a 401 carrying one of `SIGN_IN_CODES`.
 *
 * @example signalUnauthenticated('UNAUTHENTICATED');
 */
export function signalUnauthenticated(code: string): void {
  for (const l of listeners) l(code);
}

/**
 * Subscribes to `signalUnauthenticated`; answers the unsubscribe function.
 *
 * @example useEffect(() => onUnauthenticated(() => setSignedOut(true)), []);
 */
export function onUnauthenticated(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
