import type { EntityType } from '../model/common.js';
import type { DuplicateControl } from '../model/duplicates.js';
import { normalizeMatchValue } from './normalize-match-value.js';

/** One existing record a new one duplicates, and by which field. */
export interface DuplicateMatch {
  entity: EntityType;
  id: string;
  field: string;
  /** The existing record's value of that field, as stored. */
  value: unknown;
}

/** Records of `entity` whose `field` has the normalised `key`, with their stored value. */
export type DuplicateLookup = (
  entity: EntityType,
  field: string,
  key: string,
) => ReadonlyArray<{ id: string; value: unknown }>;

/**
 * The duplicates of a new record's fields under a duplicate control: for each
 * controlled field and each `against` entity (the record's own when absent), the
 * records with an equal normalised value, in field order, each (record, field) once.
 * Pure: where the candidates come from (a store index, an import's own rows) is the
 * lookup's business.
 *
 * @example matchDuplicates('lead', { phone: '8 903 555-12-34' }, { fields: ['phone'] }, lookup)
 */
export function matchDuplicates(
  entity: EntityType,
  fields: Readonly<Record<string, unknown>>,
  control: DuplicateControl,
  lookup: DuplicateLookup,
  self?: string,
): DuplicateMatch[] {
  const out: DuplicateMatch[] = [];
  const seen = new Set<string>();
  for (const field of control.fields) {
    for (const key of normalizeMatchValue(field, fields[field])) {
      for (const against of control.against ?? [entity]) {
        for (const hit of lookup(against, field, key)) {
          const id = `${hit.id}\u0000${field}`;
          if (hit.id === self || seen.has(id)) continue;
          seen.add(id);
          out.push({ entity: against, id: hit.id, field, value: hit.value });
        }
      }
    }
  }
  return out;
}
