import type { EntityType } from '../../schemas/index.js';
import { HttpError } from '../http/http-error.js';

/** The record collections of the API (`/api/records/:entity`) and the entity each holds. */
export const ENTITY_PATHS = {
  leads: 'lead',
  deals: 'deal',
  contacts: 'contact',
  companies: 'company',
} as const;
export type EntityPath = keyof typeof ENTITY_PATHS;
export const ENTITY_PATH_NAMES = Object.keys(ENTITY_PATHS) as EntityPath[];

// A Map, not the object: `constructor` or `__proto__` from a URL must name nothing.
const BY_PATH: ReadonlyMap<string, EntityType> = new Map(Object.entries(ENTITY_PATHS));

/**
 * The entity a collection name from a URL stands for; 404 naming the collections
 * when it is none of them. The one lookup every route uses.
 *
 * @example entityOfPath('deals') // 'deal'
 */
export function entityOfPath(name: string): EntityType {
  const entity = BY_PATH.get(name);
  if (entity === undefined)
    throw new HttpError(
      404,
      'NOT_FOUND',
      `no record collection ${JSON.stringify(name)} (one of ${ENTITY_PATH_NAMES.join(', ')})`,
    );
  return entity;
}
