import { Type, type TSchema } from '@sinclair/typebox';
import { Key } from '../../../schemas/index.js';
import { ENTITY_PATH_NAMES, type EntityPath } from '../../services/entity-paths.js';

/**
 * Schemas of path parameters: `mountRoutes` validates them like bodies and queries,
 * so a hostile segment (`__proto__`, 5,000 characters, control characters) is a 400
 * (404 for a name from a closed set) naming the parameter before any handler looks
 * it up.
 */
const FROM_A_SET = new WeakSet<TSchema>();

/**
 * Whether a value that fails this parameter's schema names nothing that could exist
 * (an unknown collection, a malformed example slug): 404 rather than 400.
 */
export function namesFromASet(schema: TSchema): boolean {
  return FROM_A_SET.has(schema);
}

export const EntityParam = Type.Unsafe<EntityPath>({
  type: 'string',
  enum: ENTITY_PATH_NAMES,
  description: 'Record collection',
});
FROM_A_SET.add(EntityParam);

/** An example's slug (a folder name of `examples/`). */
export const SlugParam = Type.String({
  pattern: '^[a-z0-9][a-z0-9-]{0,63}$',
  description: 'Example slug',
});
FROM_A_SET.add(SlugParam);

/** Ids made by the runtime (records, tasks, timers, outbox items, documents, tokens). */
export const IdParam = Type.String({
  minLength: 1,
  maxLength: 200,
  pattern: '^[^\\x00-\\x1f\\x7f]+$',
  description: 'An id: 1-200 characters, no control characters',
});

/** A published version number. */
export const VersionParam = Type.String({
  pattern: '^[1-9][0-9]{0,8}$',
  description: 'Version number: a positive integer',
});

/** A model, user, department or queue key. */
export const KeyParam = Key;

export const RecordParams = { entity: EntityParam, id: IdParam };
