import type { EntityType } from '../../schemas/index.js';
import type { Actor } from '../domain/actor.js';
import type { RecordDoc } from '../domain/record.js';
import type { RecordPageRequest, RecordQuery } from '../domain/record-query.js';
import type { AuditEntry } from '../domain/security-types.js';
import type { RuntimeCore } from '../services/runtime-core.js';
import { csvText } from './csv.js';

/** Records read per store query: an export never holds one huge page of the store. */
export const EXPORT_PAGE = 500;

const META = ['id', 'entity', 'model', 'pipeline', 'stage', 'createdAt', 'updatedAt'] as const;
/** The usual fields first, then the others by key. */
const FIRST_FIELDS = ['title', 'responsible', 'amount'];

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
 * The records of an export as CSV, after an audit entry (`record.exported`: who, from
 * where, which entity, filter and count) is stored: no export leaves unrecorded.
 */
export async function exportRecords(
  core: RuntimeCore,
  input: {
    entity: EntityType;
    query: Omit<RecordQuery, 'entity'>;
    order: Pick<RecordPageRequest, 'sort' | 'order'>;
    actor: Actor;
    address?: string;
  },
): Promise<{ csv: string; count: number }> {
  const records = await allMatching(core, { ...input.query, entity: input.entity }, input.order);
  const seen = new Set<string>();
  for (const r of records) for (const k of Object.keys(r.fields)) seen.add(k);
  const fields = [
    ...FIRST_FIELDS.filter((k) => seen.has(k)),
    ...[...seen].filter((k) => !FIRST_FIELDS.includes(k)).sort(),
  ];
  const csv = csvText(
    [...META, ...fields],
    records.map((r) => [...META.map((m) => r[m]), ...fields.map((k) => r.fields[k])]),
  );
  const at = core.clock.now().toISOString();
  const entry: AuditEntry = {
    id: core.ids.next('aud'),
    at,
    seq: 0,
    actor: input.actor,
    ...(input.address === undefined ? {} : { address: input.address }),
    kind: 'record.exported',
    entity: input.entity,
    outcome: 'success',
    detail: `${records.length} ${input.entity} record(s) as CSV; filter ${JSON.stringify(input.query)}`,
  };
  await core.change(async (tx) => tx.append('audit', entry.id, entry));
  return { csv, count: records.length };
}
