import { deriveKey } from '../../../schemas/index.js';

/**
 * Turns a display name into a model key unique among `taken`, transliterating
 * names in any script ("Новая заявка" -> `novaya_zayavka`); see `deriveKey`.
 *
 * @example makeKey('Meeting scheduled', new Set()) // 'meeting_scheduled'
 */
export function makeKey(name: string, taken: ReadonlySet<string>, fallback = 'key'): string {
  return deriveKey(name, taken, fallback);
}
