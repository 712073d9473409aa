import type { CompiledQuery } from 'kysely';
import pg from 'pg';

/** A parameter as SQL text: what `pg` would send for it, quoted (an untyped literal, as a parameter is). */
function literalOf(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'string') return pg.escapeLiteral(v);
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean')
    return pg.escapeLiteral(String(v));
  return pg.escapeLiteral(JSON.stringify(v));
}

/**
 * A compiled statement with its parameters written into the text, so several can go to
 * the database as one simple query (one round trip: `pg` sends a query without
 * parameters as the simple protocol, which runs the statements of one string in turn and
 * stops at the first error). Kysely's placeholders are `$1`, `$2`...; no statement of
 * the commit path has a `$` of its own.
 */
export function inlineSql(q: CompiledQuery): string {
  return q.sql.replace(/\$(\d+)/g, (_, n: string) => literalOf(q.parameters[Number(n) - 1]));
}
