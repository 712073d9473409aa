import type { EntityType } from '../model/common.js';
import type { AnalysisContext, PipelineInfo, StageInfo } from './analysis-context.js';

/** A (pipeline, stage) pair that exists in the model. */
export interface StageRef {
  readonly pipeline: PipelineInfo;
  readonly stage: StageInfo;
}

/**
 * Where a new record of `entity` lands: the named pipeline (or the model's first
 * pipeline of that entity) and the named stage (or its first stage). Null when
 * either does not exist or the pipeline holds another entity.
 */
export function landingStage(
  ctx: AnalysisContext,
  entity: EntityType,
  pipelineKey: string | undefined,
  stageKey: string | undefined,
): StageRef | null {
  const key = pipelineKey ?? ctx.defaultPipeline.get(entity);
  const pipeline = key === undefined ? undefined : ctx.pipelines.get(key);
  if (!pipeline || pipeline.pipeline.entity !== entity) return null;
  const first = pipeline.pipeline.stages[0];
  const stage = pipeline.stages.get(stageKey ?? first?.key ?? '');
  return stage ? { pipeline, stage } : null;
}

/** An existing stage of an existing pipeline, or null. */
export function stageRef(
  ctx: AnalysisContext,
  pipelineKey: string,
  stageKey: string,
): StageRef | null {
  const pipeline = ctx.pipelines.get(pipelineKey);
  const stage = pipeline?.stages.get(stageKey);
  return pipeline && stage ? { pipeline, stage } : null;
}
