import {
  matchDuplicates,
  normalizeMatchValue,
  type DuplicateControl,
  type DuplicateMatch,
  type EntityType,
} from '../../schemas/index.js';
import type { RecordDoc } from '../domain/record.js';
import type { Engine } from './engine.js';
import { log, type RunContext } from './run-context.js';

/**
 * The duplicate control that applies to a new record: its model's, or (a record in no
 * pipeline) that of the latest activated model declaring one for the entity.
 */
export function duplicateControlFor(
  ctx: RunContext,
  entity: EntityType,
  modelId: string | undefined,
): DuplicateControl | undefined {
  if (modelId !== undefined) return ctx.versions.get(modelId)?.ruleSet.duplicates?.[entity];
  for (const set of [...ctx.versions.values()].reverse()) {
    const control = set.ruleSet.duplicates?.[entity];
    if (control !== undefined) return control;
  }
  return undefined;
}

/**
 * Existing records a new record's fields duplicate. Candidates come from the store's
 * value index and are re-read through the run's unit of work, so a record changed or
 * deleted earlier in this run is judged as it is now.
 */
export async function findDuplicates(
  ctx: RunContext,
  entity: EntityType,
  fields: Readonly<Record<string, unknown>>,
  control: DuplicateControl,
): Promise<DuplicateMatch[]> {
  const found = new Map<string, Array<{ id: string; value: unknown }>>();
  for (const field of control.fields) {
    for (const key of normalizeMatchValue(field, fields[field])) {
      for (const against of control.against ?? [entity]) {
        const hits: Array<{ id: string; value: unknown }> = [];
        for (const stored of await ctx.tx.store.findRecordsByValue(against, field, key)) {
          const r = await ctx.tx.get('records', stored.id);
          if (r !== undefined && normalizeMatchValue(field, r.fields[field]).includes(key))
            hits.push({ id: r.id, value: r.fields[field] });
        }
        found.set(`${against}\u0000${field}\u0000${key}`, hits);
      }
    }
  }
  return matchDuplicates(
    entity,
    fields,
    control,
    (e, f, k) => found.get(`${e}\u0000${f}\u0000${k}`) ?? [],
  );
}

/**
 * Tells the run a new record has duplicates: a `duplicate_found` timeline entry with
 * the matches, the mark field and links when the control asks for them, then the `duplicate_found` event, whose
 * triggers see the matches as `$event.duplicates`.
 */
export async function reportDuplicates(
  engine: Engine,
  ctx: RunContext,
  record: RecordDoc,
  duplicates: readonly DuplicateMatch[],
  options: { link: boolean; markField?: string; eventId: string },
): Promise<void> {
  const { markField } = options;
  const described = duplicates.map((d) => `${d.entity} ${d.id} (${d.field})`).join(', ');
  log(ctx, record.id, {
    kind: 'duplicate_found',
    eventId: options.eventId,
    message: `duplicate of ${described}`,
    data: { duplicates },
  });
  const first = duplicates[0];
  const cur = await ctx.tx.get('records', record.id);
  if (markField !== undefined && first !== undefined && cur !== undefined)
    // Part of the creation, like its initial fields: no field_changed event.
    ctx.tx.put('records', record.id, { ...cur, fields: { ...cur.fields, [markField]: first.id } });
  if (options.link) {
    for (const id of new Set(duplicates.map((d) => d.id))) {
      const [self, other] = [
        await ctx.tx.get('records', record.id),
        await ctx.tx.get('records', id),
      ];
      if (self !== undefined && other !== undefined) await engine.link(ctx, self, other);
    }
  }
  const event = engine.newEvent('duplicate_found', record.id, {
    payload: { duplicates: duplicates.map((d) => ({ ...d })) },
  });
  await engine.handle(ctx, event);
}
