import { stringify } from 'csv-stringify/sync';
import type { EntityType } from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import type { RecordPageRequest, RecordQuery } from '../domain/record-query.js';
import type { Who } from '../domain/who.js';
import { safeCsvCell } from '../audit/csv-cell.js';
import type { RuntimeCore } from '../services/runtime-core.js';

/** Records read per store query: an export never holds one huge page of the store. */
export const EXPORT_PAGE = 500;

const META = ['id', 'entity', 'model', 'pipeline', 'stage', 'createdAt', 'updatedAt'] as const;
/** The usual fields first, then the others by key. */
const FIRST_FIELDS = ['title', 'responsible', 'amount'];

/**
 * A cell: numbers and booleans as they are, text with a formula's first character
 * defused (`safeCsvCell`), anything else as JSON.
 */
export function exportCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return safeCsvCell(typeof value === 'string' ? value : JSON.stringify(value));
}

/** Every record a (scope-filtered) query matches, read page by page. */
async function allMatching(
  core: RuntimeCore,
  query: RecordQuery,
  order: Pick<RecordPageRequest, 'sort' | 'order'>,
): Promise<RecordDoc[]> {
  const out: RecordDoc[] = [];
  let cursor: string | undefined;
  do {
    const page = await core.store.queryRecords(query, {
      ...order,
      limit: EXPORT_PAGE,
      ...(cursor === undefined ? {} : { cursor }),
    });
    out.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return out;
}

/**
 * The records of an export as CSV (`csv-stringify`), after its audit entry
 * (`record.exported`: who, from where, entity, filter and count) is stored: no export
 * leaves unrecorded.
 */
export async function exportRecords(
  core: RuntimeCore,
  input: {
    entity: EntityType;
    query: Omit<RecordQuery, 'entity'>;
    order: Pick<RecordPageRequest, 'sort' | 'order'>;
    who: Who | undefined;
  },
): Promise<{ csv: string; count: number }> {
  const records = await allMatching(core, { ...input.query, entity: input.entity }, input.order);
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.fields)) seen.add(k);
  const fields = [
    ...FIRST_FIELDS.filter((k) => seen.has(k)),
    ...[...seen].filter((k) => !FIRST_FIELDS.includes(k)).sort(),
  ];
  const rows = records.map((r) => [
    ...META.map((m) => exportCell(r[m])),
    ...fields.map((k) => exportCell(r.fields[k])),
  ]);
  await core.changeAs(input.who, async (tx) => {
    core.audit(tx, {
      kind: 'record.exported',
      entity: input.entity,
      detail: `${records.length} ${input.entity} record(s) as CSV; filter ${JSON.stringify(input.query)}`,
      detailCode: 'records_exported',
      detailParams: { count: records.length, filter: JSON.stringify(input.query) },
    });
  });
  const csv = stringify(rows, {
    header: true,
    columns: [...META, ...fields].map(exportCell),
    record_delimiter: 'windows',
    eof: true,
  });
  return { csv, count: records.length };
}
