import { InvalidCursorError } from '../../domain/invalid-cursor-error.js';

/** One position in a sorted list: the sort key's values, then the document's key. */
export type SortTuple = ReadonlyArray<string | number | null>;

/**
 * An opaque cursor: base64url of the JSON of the last item's sort tuple, tagged with
 * what it pages (so a timeline cursor is refused by the records list).
 * @example encodeCursor('timeline', ['2026-01-01T00:00:00.000Z', 0, 'tl_1'])
 */
export function encodeCursor(tag: string, tuple: SortTuple): string {
  return Buffer.from(JSON.stringify([tag, ...tuple]), 'utf8').toString('base64url');
}

/** The tuple a cursor carries; `InvalidCursorError` when it is not one for `tag` with `arity` values. */
export function decodeCursor(cursor: string, tag: string, arity: number): SortTuple {
  if (cursor.length > 4096 || !/^[A-Za-z0-9_-]*$/.test(cursor))
    throw new InvalidCursorError(cursor);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError(cursor);
  }
  if (!Array.isArray(parsed) || parsed.length !== arity + 1 || parsed[0] !== tag)
    throw new InvalidCursorError(cursor);
  const tuple = parsed.slice(1) as unknown[];
  if (!tuple.every((v) => v === null || typeof v === 'string' || typeof v === 'number'))
    throw new InvalidCursorError(cursor);
  return tuple as SortTuple;
}
