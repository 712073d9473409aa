import { Type } from '@sinclair/typebox';
import { Key } from '../../../schemas/index.js';
import { ENTITY_PATH_NAMES, type EntityPath } from '../../services/entity-paths.js';

/**
 * Schemas of path parameters: `mountRoutes` validates them like bodies and queries,
 * so a hostile segment (`__proto__`, 5,000 characters, control characters) is a 400
 * naming the parameter before any handler looks it up.
 */
export const EntityParam = Type.Unsafe<EntityPath>({
  type: 'string',
  enum: ENTITY_PATH_NAMES,
  description: 'Record collection',
});

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
