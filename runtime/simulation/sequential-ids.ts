import type { IdGenerator } from '../engine/ports.js';

/**
 * Deterministic ids (`deal_00000007`): the same scenario gives the same ids and the
 * same timeline every run, and ids sort in creation order (timers due at the same
 * instant fire in the order they were planned).
 */
export function createSequentialIds(): IdGenerator {
  let n = 0;
  return {
    next(prefix) {
      n += 1;
      return `${prefix}_${String(n).padStart(8, '0')}`;
    },
  };
}
