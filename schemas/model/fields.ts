import { Type, type Static } from '@sinclair/typebox';
import { EntityType, Key, literalUnion } from './common.js';
import { DuplicateControl } from './duplicates.js';

export const FIELD_TYPES = [
  'string',
  'number',
  'money',
  'date',
  'datetime',
  'enum',
  'boolean',
  'user',
  'link',
] as const;
export const FieldType = literalUnion(FIELD_TYPES);
export type FieldType = Static<typeof FieldType>;

export const EnumOption = Type.Object(
  { key: Key, label: Type.String({ minLength: 1, maxLength: 200 }) },
  { additionalProperties: false },
);

/** A custom field of an entity type; standard fields come from the catalogue. */
export const FieldDef = Type.Object(
  {
    key: Key,
    label: Type.String({ minLength: 1, maxLength: 200 }),
    type: FieldType,
    required: Type.Optional(Type.Boolean()),
    multiple: Type.Optional(Type.Boolean()),
    /** Choices of an `enum` field. */
    options: Type.Optional(Type.Array(EnumOption, { maxItems: 500 })),
    /** Entity a `link` field points to. */
    linkEntity: Type.Optional(EntityType),
  },
  { additionalProperties: false },
);
export type FieldDef = Static<typeof FieldDef>;

export const EntityDef = Type.Object(
  {
    fields: Type.Array(FieldDef, { maxItems: 500 }),
    /** Duplicate control at creation and import (absent: none). */
    duplicates: Type.Optional(DuplicateControl),
  },
  { additionalProperties: false },
);
export type EntityDef = Static<typeof EntityDef>;
