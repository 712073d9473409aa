import { STANDARD_FIELDS } from '../catalogue/standard-fields.js';
import { ENTITY_TYPES, type EntityType } from '../model/common.js';
import type { Directory } from '../model/directory.js';
import type { FieldType } from '../model/fields.js';
import type { AutomationModel } from '../model/model.js';
import type { Pipeline, Stage } from '../model/pipelines.js';
import type { Template } from '../model/templates.js';

/** What the analyzer knows about one field of an entity type. */
export interface FieldInfo {
  readonly key: string;
  readonly type: FieldType;
  /** Always filled: declared required, or a standard field the system sets (createdAt). */
  readonly required: boolean;
  readonly multiple: boolean;
  /** Option keys of an enum field. */
  readonly options?: ReadonlySet<string>;
}

export interface StageInfo {
  readonly stage: Stage;
  readonly index: number;
}

export interface PipelineInfo {
  readonly pipeline: Pipeline;
  readonly index: number;
  readonly stages: ReadonlyMap<string, StageInfo>;
}

/** Lookup tables built once per analysis, so each check is a linear pass with map lookups. */
export interface AnalysisContext {
  readonly model: AutomationModel;
  readonly fields: Readonly<Record<EntityType, ReadonlyMap<string, FieldInfo>>>;
  /** First occurrence wins when keys repeat (the duplicate itself is reported elsewhere). */
  readonly pipelines: ReadonlyMap<string, PipelineInfo>;
  /** The pipeline a new record of an entity lands in when none is named: the model's first. */
  readonly defaultPipeline: ReadonlyMap<EntityType, string>;
  readonly users: ReadonlySet<string>;
  readonly departments: ReadonlySet<string>;
  readonly queues: ReadonlySet<string>;
  readonly calendars: ReadonlySet<string>;
  readonly templates: ReadonlyMap<string, Template>;
}

/** Standard fields the system always fills, whatever the model says. */
const ALWAYS_FILLED = new Set(['createdAt']);

function entityFields(model: AutomationModel, entity: EntityType): Map<string, FieldInfo> {
  const out = new Map<string, FieldInfo>();
  for (const f of STANDARD_FIELDS[entity]) {
    out.set(f.key, {
      key: f.key,
      type: f.type,
      required: ALWAYS_FILLED.has(f.key),
      multiple: false,
    });
  }
  for (const f of model.entities[entity]?.fields ?? []) {
    if (out.has(f.key)) continue;
    out.set(f.key, {
      key: f.key,
      type: f.type,
      required: f.required === true,
      multiple: f.multiple === true,
      ...(f.options ? { options: new Set(f.options.map((o) => o.key)) } : {}),
    });
  }
  return out;
}

function keySet(...lists: ReadonlyArray<ReadonlyArray<{ key: string }> | undefined>): Set<string> {
  const out = new Set<string>();
  for (const list of lists) for (const item of list ?? []) out.add(item.key);
  return out;
}

/**
 * Builds the lookup tables the checks share: fields per entity (standard plus
 * custom), pipelines and stages by key, and the directory keys of the model merged
 * with the runtime's.
 */
export function buildContext(model: AutomationModel, directory?: Directory): AnalysisContext {
  const fields = Object.fromEntries(ENTITY_TYPES.map((e) => [e, entityFields(model, e)])) as Record<
    EntityType,
    Map<string, FieldInfo>
  >;

  const pipelines = new Map<string, PipelineInfo>();
  const defaultPipeline = new Map<EntityType, string>();
  model.pipelines.forEach((pipeline, index) => {
    if (pipelines.has(pipeline.key)) return;
    const stages = new Map<string, StageInfo>();
    pipeline.stages.forEach((stage, si) => {
      if (!stages.has(stage.key)) stages.set(stage.key, { stage, index: si });
    });
    pipelines.set(pipeline.key, { pipeline, index, stages });
    if (!defaultPipeline.has(pipeline.entity)) defaultPipeline.set(pipeline.entity, pipeline.key);
  });

  const templates = new Map<string, Template>();
  for (const t of model.templates ?? []) if (!templates.has(t.key)) templates.set(t.key, t);

  const own = model.directory;
  return {
    model,
    fields,
    pipelines,
    defaultPipeline,
    users: keySet(own?.users, directory?.users),
    departments: keySet(own?.departments, directory?.departments),
    queues: keySet(own?.queues, directory?.queues),
    calendars: keySet(model.calendars),
    templates,
  };
}

export const DATE_TYPES: ReadonlySet<FieldType> = new Set(['date', 'datetime']);
