import type { DuplicateMatch, EntityType } from '../../schemas/index.js';
import {
  duplicateControlFor,
  findDuplicates,
  reportDuplicates,
} from '../engine/duplicate-control.js';
import type { Engine } from '../engine/engine.js';
import type { RunContext } from '../engine/run-context.js';
import type { RecordDoc } from '../domain/record.js';

export const ON_DUPLICATE = ['skip', 'create', 'link'] as const;
/** What an import does with a row that duplicates existing records. */
export type OnDuplicate = (typeof ON_DUPLICATE)[number];

export interface NewRecordInput {
  model?: string;
  pipeline?: string;
  stage?: string;
  fields: Record<string, unknown>;
}

export interface CheckedCreate {
  /** Absent when the row was a duplicate and `onDuplicate` is `skip`. */
  record?: RecordDoc;
  duplicates: DuplicateMatch[];
}

/**
 * Creates a record from outside (API, import, seed) under its entity's duplicate
 * control: duplicates are looked up before anything is written, and reported (timeline,
 * links, `duplicate_found` triggers) before the first stage's robots run, so a
 * duplicate a trigger moves to Junk gets no welcome e-mail or call task. `create`
 * links only when the model says `link: true`; `link` always links; `skip` writes
 * nothing. Records created by robots (lead conversion) are not checked: they copy a
 * record that exists.
 */
export async function createCheckedRecord(
  engine: Engine,
  ctx: RunContext,
  entity: EntityType,
  input: NewRecordInput,
  onDuplicate: OnDuplicate,
): Promise<CheckedCreate> {
  const control = duplicateControlFor(ctx, entity, input.model);
  const duplicates =
    control === undefined ? [] : await findDuplicates(ctx, entity, input.fields, control);
  if (duplicates.length > 0 && onDuplicate === 'skip') return { duplicates };
  const event = engine.newEvent('stage_entered', '');
  const link = onDuplicate === 'link' || control?.link === true;
  const record = await engine.createRecord(
    ctx,
    { entity, ...input },
    { eventId: event.id },
    duplicates.length === 0
      ? undefined
      : (created) =>
          reportDuplicates(engine, ctx, created, duplicates, {
            link,
            eventId: event.id,
            ...(control?.markField === undefined ? {} : { markField: control.markField }),
          }),
  );
  // Only records robots create count against the loop guard: a request's is always made.
  if (record === undefined) throw new Error(`record of ${entity} not created`);
  return { record, duplicates };
}
