import transliterate from '@sindresorhus/transliterate';

/** What a key may be (`Key` in `schemas/model/common.ts`). */
export const KEY_PATTERN = /^[a-z][a-z0-9_-]{0,63}$/;

/** Room for a `_<n>` suffix within the 64 characters a key may have. */
const MAX_BASE = 48;

/**
 * Turns a display name in any script into a key unique among `taken`: the name is
 * transliterated to Latin ("Новая заявка" -> `novaya_zayavka`, "Ελλάδα" ->
 * `ellada`), lower-cased, runs of anything else become `_`, and a leading digit or
 * underscore is dropped. A name that gives nothing usable (only digits, a script
 * transliteration does not cover) falls back to `fallback`; a taken key gets `_2`,
 * `_3`, ...
 *
 * @example deriveKey('Новая заявка', new Set()) // 'novaya_zayavka'
 * @example deriveKey('Meeting scheduled', new Set(['meeting_scheduled'])) // 'meeting_scheduled_2'
 */
export function deriveKey(name: string, taken: ReadonlySet<string>, fallback = 'key'): string {
  let base = transliterate(name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, MAX_BASE)
    .replace(/_+$/, '');
  if (!KEY_PATTERN.test(base)) base = fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!taken.has(candidate)) return candidate;
  }
}
