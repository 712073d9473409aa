import { Type } from '@sinclair/typebox';
import { EntityType, FieldKey, Key } from '../../../schemas/index.js';
import { ON_DUPLICATE } from '../../services/create-checked-record.js';

/** Bodies of `POST /api/records/:entity/import` (duplicate control at import). */

export const MAX_IMPORT_ROWS = 10_000;

export const ImportBody = Type.Object(
  {
    model: Type.Optional(Key),
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    // Rows are checked one by one by the service, so a bad row is reported by index.
    records: Type.Array(Type.Unknown({ description: 'A row: {"fields": {key: value}}' }), {
      minItems: 1,
      maxItems: MAX_IMPORT_ROWS,
    }),
    onDuplicate: Type.Union(
      ON_DUPLICATE.map((k) => Type.Literal(k)),
      {
        description:
          'skip: do not create a row that duplicates; create: create it (links only if the model says link); link: create and link it to its duplicates',
      },
    ),
  },
  { additionalProperties: false },
);

export const DuplicateMatchBody = Type.Object({
  entity: EntityType,
  id: Type.String(),
  field: FieldKey,
  value: Type.Unknown(),
});

export const ImportResult = Type.Object({
  /** Ids of the records created, in row order. */
  created: Type.Array(Type.String()),
  /** Rows created although they duplicate others (`create`, `link`). */
  flagged: Type.Array(
    Type.Object({
      index: Type.Integer(),
      id: Type.String(),
      duplicates: Type.Array(DuplicateMatchBody),
    }),
  ),
  /** Rows not created because they duplicate others (`skip`). */
  skipped: Type.Array(
    Type.Object({ index: Type.Integer(), duplicates: Type.Array(DuplicateMatchBody) }),
  ),
  /** Rows refused, one entry per problem; `path` points into the request body. */
  errors: Type.Array(
    Type.Object({ index: Type.Integer(), path: Type.String(), message: Type.String() }),
  ),
});
