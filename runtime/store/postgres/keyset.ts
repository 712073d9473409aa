import { sql, type RawBuilder } from 'kysely';
import { InvalidCursorError } from '../../domain/invalid-cursor-error.js';
import { DEFAULT_PAGE_LIMIT, type PageRequest } from '../../domain/page.js';
import { decodeCursor, encodeCursor, type SortTuple } from '../query/cursor.js';
import type { Condition } from './sql-conditions.js';

/** A sorted list's columns (the last is `key`) and their types, to check a cursor's values. */
export interface Order {
  /** What the cursor pages: a cursor issued for another tag is refused. */
  tag: string;
  columns: ReadonlyArray<{ name: string; type: 'text' | 'int' }>;
}

/** What a paged query adds: the position after the cursor, the order, the row count. */
export interface Keyset {
  after: Condition | undefined;
  orderBy: RawBuilder<unknown>;
  /** One more than the page, to know whether another follows. */
  fetch: number;
  limit: number;
}

/**
 * Keyset paging (`WHERE (sort..., key) > cursor ORDER BY sort..., key`), so a page costs
 * the same at the start and deep in a list, and rows inserted between pages are
 * neither repeated nor skipped. The cursor is the memory store's (`query/cursor.ts`):
 * opaque, tagged with what it pages, its values checked against the columns' types.
 */
export function keysetOf(order: Order, page: PageRequest): Keyset {
  const desc = page.order === 'desc';
  const limit = page.limit ?? DEFAULT_PAGE_LIMIT;
  const refs = order.columns.map((c) => sql.ref(c.name));
  const dir = sql.raw(desc ? 'DESC' : 'ASC');
  const orderBy = sql`ORDER BY ${sql.join(
    refs.map((r) => sql`${r} ${dir}`),
    sql`, `,
  )}`;
  let after: Condition | undefined;
  if (page.cursor !== undefined && page.cursor !== null && page.cursor !== '') {
    const tuple = decodeCursor(page.cursor, order.tag, order.columns.length);
    order.columns.forEach((c, n) => {
      const v = tuple[n];
      const ok = c.type === 'int' ? Number.isSafeInteger(v) : typeof v === 'string';
      if (!ok) throw new InvalidCursorError(page.cursor as string);
    });
    const values = order.columns.map((c, n) =>
      c.type === 'int' ? sql`${tuple[n]}::integer` : sql`${tuple[n]}::text`,
    );
    after = sql`(${sql.join(refs)}) ${sql.raw(desc ? '<' : '>')} (${sql.join(values)})`;
  }
  return { after, orderBy, fetch: limit + 1, limit };
}

/** The page's cursor: the last row's tuple when another row followed it. */
export function nextCursorOf(
  order: Order,
  rows: ReadonlyArray<Record<string, unknown>>,
  limit: number,
): string | null {
  if (rows.length <= limit) return null;
  const last = rows[limit - 1];
  if (last === undefined) return null;
  const tuple: SortTuple = order.columns.map((c) => last[c.name] as string | number);
  return encodeCursor(order.tag, tuple);
}
