import { Type, type Static } from '@sinclair/typebox';
import { EntityType, FieldKey } from './common.js';

/**
 * Duplicate control of an entity type: a new record (created or imported) whose
 * normalised value of one of `fields` equals that of an existing record of an
 * `against` entity is a duplicate. Phones compare by digits (a Russian leading 8 reads
 * as 7), e-mails lower-cased and trimmed. The runtime logs `duplicate_found` and fires
 * the `duplicate_found` triggers of the new record's pipeline.
 */
export const DuplicateControl = Type.Object(
  {
    /** Fields compared; the same key is read on the `against` entities. */
    fields: Type.Array(FieldKey, { minItems: 1, maxItems: 10, uniqueItems: true }),
    /** Entity types searched; absent means the entity itself. */
    against: Type.Optional(Type.Array(EntityType, { minItems: 1, maxItems: 4, uniqueItems: true })),
    /** Link the new record to the records it duplicates (default false). */
    link: Type.Optional(Type.Boolean()),
    /**
     * A field of the new record set to the id of the first record it duplicates, before
     * any trigger runs, so robots (which see only the record) can tell it is one.
     */
    markField: Type.Optional(FieldKey),
  },
  { additionalProperties: false },
);
export type DuplicateControl = Static<typeof DuplicateControl>;
