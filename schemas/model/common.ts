import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';

/**
 * Stable symbolic key (`sidorov`, `sales`, `paid`). Models reference users, queues,
 * stages and templates by key, never by database id, so a model moves between
 * installations intact.
 */
export const Key = Type.String({
  pattern: '^[a-z][a-z0-9_-]{0,63}$',
  description: 'Stable symbolic key: lower-case letter, then letters, digits, _ or -',
});
export type Key = Static<typeof Key>;

/**
 * A field of a record: a custom field's key, or a standard field such as
 * `createdAt` or `closeDate` (camelCase, as records and templates spell them).
 */
export const FieldKey = Type.String({
  pattern: '^[a-zA-Z][a-zA-Z0-9_-]{0,63}$',
  description: 'Field key: a letter, then letters, digits, _ or - (every Key is a FieldKey)',
});

/** A JSON-Logic expression; which operations are allowed is checked by the analyzer. */
export const JsonLogic = Type.Unknown({ description: 'JSON-Logic expression' });
export type JsonLogic = unknown;

/** Text with Liquid placeholders such as `{{ record.title }}`. */
export const TemplateText = Type.String({ maxLength: 20_000, description: 'Liquid template text' });

type LiteralTuple<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };

/** Builds a string-literal union schema (and its static type) from an `as const` list. */
export function literalUnion<const T extends readonly [string, ...string[]]>(
  values: T,
  options: { description?: string } = {},
): TUnion<LiteralTuple<T>> {
  return Type.Union(
    values.map((v) => Type.Literal(v)),
    options,
  ) as unknown as TUnion<LiteralTuple<T>>;
}

export const DURATION_UNITS = ['minutes', 'hours', 'days', 'weeks'] as const;
export const DurationUnit = literalUnion(DURATION_UNITS);
export type DurationUnit = Static<typeof DurationUnit>;

export const Duration = Type.Object(
  {
    value: Type.Number({ minimum: 0, maximum: 100_000 }),
    unit: DurationUnit,
  },
  { additionalProperties: false },
);
export type Duration = Static<typeof Duration>;

export const ENTITY_TYPES = ['lead', 'deal', 'contact', 'company'] as const;
export const EntityType = literalUnion(ENTITY_TYPES);
export type EntityType = Static<typeof EntityType>;
