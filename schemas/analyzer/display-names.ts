import { STANDARD_FIELDS } from '../catalogue/standard-fields.js';
import type { EntityType } from '../model/common.js';
import type { AnalysisContext } from './analysis-context.js';

/**
 * The names an admin reads in diagnostics: what they typed in the designer
 * (pipeline, stage, robot and trigger names, field labels, option labels), the key
 * only where there is no name. Standard fields have their English label.
 */
export function pipelineName(ctx: AnalysisContext, key: string): string {
  return ctx.pipelines.get(key)?.pipeline.name ?? key;
}

export function stageName(ctx: AnalysisContext, pipeline: string, stage: string): string {
  return ctx.pipelines.get(pipeline)?.stages.get(stage)?.stage.name ?? stage;
}

/** A robot's or trigger's name, else its id. */
export function nodeName(node: { readonly id: string; readonly name?: string }): string {
  const name = node.name?.trim();
  return name ? name : node.id;
}

export function fieldName(ctx: AnalysisContext, entity: EntityType, key: string): string {
  const custom = ctx.model.entities[entity]?.fields.find((f) => f.key === key);
  if (custom !== undefined) return custom.label;
  return STANDARD_FIELDS[entity].find((f) => f.key === key)?.label.en ?? key;
}

/** The label of an enum option, else the value itself. */
export function optionName(
  ctx: AnalysisContext,
  entity: EntityType,
  field: string,
  value: string,
): string {
  const def = ctx.model.entities[entity]?.fields.find((f) => f.key === field);
  return def?.options?.find((o) => o.key === value)?.label ?? value;
}
