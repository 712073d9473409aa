/**
 * UI preferences (not documents) in localStorage. Failures (private mode, no storage in
 * tests) make a preference last for the session only.
 */
export function readPreference(key: string): string | null {
  try {
    return globalThis.localStorage?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

export function writePreference(key: string, value: string): void {
  try {
    globalThis.localStorage?.setItem(key, value);
  } catch {
    // The choice lasts for the session only.
  }
}
