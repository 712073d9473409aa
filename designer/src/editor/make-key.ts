const KEY_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

/**
 * Turns a display name into a model key unique among `taken`; names without Latin
 * letters (e.g. Russian) fall back to `fallback_<n>`.
 *
 * @example makeKey('Meeting scheduled', new Set()) // 'meeting_scheduled'
 */
export function makeKey(name: string, taken: ReadonlySet<string>, fallback = 'key'): string {
  let base = name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '')
    .slice(0, 48);
  if (!KEY_PATTERN.test(base)) base = fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
