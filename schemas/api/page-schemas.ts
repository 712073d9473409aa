import { Type, type Static, type TSchema } from '@sinclair/typebox';

/**
 * Paging of every list route: `limit` (1-1000, default 100) and the opaque `cursor` a
 * previous page returned as `nextCursor`. Spread into a route's query schema.
 */
export const PageQueryProperties = {
  limit: Type.Optional(
    Type.String({
      pattern: '^(1000|[1-9][0-9]{0,2})$',
      description: 'Items per page: 1 to 1000 (default 100)',
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 4096,
      pattern: '^[A-Za-z0-9_-]+$',
      description: 'The `nextCursor` of the previous page (absent: the first page)',
    }),
  ),
};

/** The query of a list route that takes nothing but paging. */
export const PageQuery = Type.Object(PageQueryProperties, { additionalProperties: false });
export type PageQuery = Static<typeof PageQuery>;

/**
 * One page of a list: the items, and the cursor of the next page (null on the last).
 * @example Page(RecordBody)
 */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({
    items: Type.Array(item),
    nextCursor: Type.Union([Type.String(), Type.Null()], {
      description: 'Pass as `cursor` for the next page; null on the last page',
    }),
  });

/** A page as the designer's client types it. */
export interface PageOf<T> {
  items: T[];
  nextCursor: string | null;
}
