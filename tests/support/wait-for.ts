/**
 * Polls `check` until it returns a value other than `undefined`, and returns it; fails
 * naming `what` after `timeoutMs`. Tests wait on the condition they need, never for a
 * fixed time: a fixed sleep is too short on a loaded machine and wasted on an idle one.
 *
 * @example const sent = await waitFor('the message', async () => (await outbox())[0]);
 */
export async function waitFor<T>(
  what: string,
  check: () => T | undefined | Promise<T | undefined>,
  timeoutMs = 8_000,
  intervalMs = 10,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined) return v;
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
