import {
  STANDARD_FIELDS,
  type DuplicateMatch,
  type EntityType,
  type RuleSet,
} from '../../schemas/index.js';
import { missingRequired } from '../engine/engine.js';
import { checkRecordFields } from './check-record-fields.js';
import {
  createCheckedRecord,
  type CheckedCreate,
  type OnDuplicate,
} from './create-checked-record.js';
import type { RecordService } from './record-service.js';
import type { Who } from '../domain/who.js';
import type { RuntimeCore } from './runtime-core.js';

export interface ImportRequest {
  model?: string;
  pipeline?: string;
  stage?: string;
  records: readonly unknown[];
  onDuplicate: OnDuplicate;
}

export interface ImportError {
  index: number;
  /** JSON Pointer into the request body: `/records/3/fields/amount`. */
  path: string;
  message: string;
}

export interface ImportResult {
  created: string[];
  flagged: Array<{ index: number; id: string; duplicates: DuplicateMatch[] }>;
  skipped: Array<{ index: number; duplicates: DuplicateMatch[] }>;
  errors: ImportError[];
}

type Placement = ReturnType<RecordService['placement']>;
/** A problem of one row: a JSON Pointer inside the row, and a message starting with it. */
type FieldProblem = { path: string; message: string };
type Fields = Record<string, unknown>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A row's shape: exactly `{fields: {...}}`. */
function shapeProblems(row: unknown): FieldProblem[] {
  if (!isPlainObject(row)) return [{ path: '', message: ' must be an object {"fields": {...}}' }];
  const extra = Object.keys(row).filter((k) => k !== 'fields');
  const out = extra.map((k) => ({
    path: `/${k}`,
    message: `/${k} is not an allowed property here`,
  }));
  if (!isPlainObject(row.fields))
    out.push({ path: '/fields', message: '/fields must be an object' });
  return out;
}

/**
 * Imports rows of one entity into one pipeline stage under duplicate control. Rows are
 * checked first (shape, known fields and their types, the stage's required fields);
 * each good row is then created in a batch of its own, in row order, so a row that
 * fails writes nothing and stops nothing, and a row duplicating an earlier row of the
 * same file is caught like any other duplicate. The batches share disk flushes.
 */
export class ImportService {
  constructor(
    private readonly core: RuntimeCore,
    private readonly records: RecordService,
  ) {}

  /** Each created row is audited as its own `record.created` by `who`. */
  async import(entity: EntityType, body: ImportRequest, who?: Who): Promise<ImportResult> {
    const place = this.records.placement(entity, body);
    const set =
      place.model === undefined
        ? this.core.engine.findPipeline(entity, undefined)?.set
        : this.core.engine.activeVersion(place.model);
    const result: ImportResult = { created: [], flagged: [], skipped: [], errors: [] };
    const good: Array<{ index: number; fields: Fields }> = [];
    body.records.forEach((row, index) => {
      const problems = this.check(row, set?.ruleSet, entity, place);
      if (problems.length === 0) good.push({ index, fields: (row as { fields: Fields }).fields });
      for (const p of problems) {
        const path = `/records/${index}${p.path}`;
        result.errors.push({ index, path, message: `/records/${index}${p.message}` });
      }
    });
    const outcomes = await Promise.all(
      good.map(({ index, fields }) =>
        this.createRow(entity, place, fields, body.onDuplicate, who).then(
          (made) => ({ index, made }),
          (e: unknown) => ({ index, error: e instanceof Error ? e.message : String(e) }),
        ),
      ),
    );
    for (const o of outcomes) {
      if ('error' in o) {
        result.errors.push({ index: o.index, path: `/records/${o.index}`, message: o.error });
      } else if (o.made.record === undefined) {
        result.skipped.push({ index: o.index, duplicates: o.made.duplicates });
      } else {
        const id = o.made.record.id;
        result.created.push(id);
        if (o.made.duplicates.length > 0)
          result.flagged.push({ index: o.index, id, duplicates: o.made.duplicates });
      }
    }
    result.errors.sort((a, b) => a.index - b.index);
    return result;
  }

  /** One row in a batch of its own (queued now, so rows keep their order in the lane). */
  private createRow(
    entity: EntityType,
    place: Placement,
    fields: Fields,
    onDuplicate: OnDuplicate,
    who: Who | undefined,
  ): Promise<CheckedCreate> {
    const input = {
      ...(place.model === undefined ? {} : { model: place.model }),
      ...(place.def === undefined ? {} : { pipeline: place.def.key }),
      ...(place.stage === undefined ? {} : { stage: place.stage }),
      fields,
    };
    return this.core.changeAs(who, async (_tx, run) =>
      createCheckedRecord(this.core.engine, await run(), entity, input, onDuplicate),
    );
  }

  private check(
    row: unknown,
    ruleSet: RuleSet | undefined,
    entity: EntityType,
    place: Placement,
  ): FieldProblem[] {
    const shape = shapeProblems(row);
    if (shape.length > 0) return shape;
    const fields = (row as { fields: Fields }).fields;
    // As a single create: the model's fields, or (no model) the standard ones and any others.
    const known = ruleSet?.fields[entity] ?? STANDARD_FIELDS[entity];
    const problems: FieldProblem[] = checkRecordFields(fields, known, ruleSet === undefined);
    if (place.def !== undefined && place.stage !== undefined)
      for (const f of missingRequired(place.def, place.stage, fields))
        problems.push({
          path: `/fields/${f}`,
          message: `/fields/${f} is required to enter ${place.stage}`,
        });
    return problems;
  }
}
