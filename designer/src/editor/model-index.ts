import type { AutomationModel, Pipeline, Robot, Stage, Trigger } from '../../../schemas/index.js';

export interface StageRef {
  readonly pipeline: Pipeline;
  readonly stage: Stage;
  readonly pipelineIndex: number;
  readonly stageIndex: number;
}

/** Finds a stage by keys. */
export function findStage(
  model: AutomationModel,
  pipeline: string,
  stage: string,
): StageRef | null {
  const pipelineIndex = model.pipelines.findIndex((p) => p.key === pipeline);
  const p = model.pipelines[pipelineIndex];
  if (!p) return null;
  const stageIndex = p.stages.findIndex((s) => s.key === stage);
  const s = p.stages[stageIndex];
  return s ? { pipeline: p, stage: s, pipelineIndex, stageIndex } : null;
}

/** Finds a robot and the stage it hangs under. */
export function findRobot(
  model: AutomationModel,
  id: string,
): (StageRef & { robot: Robot; index: number }) | null {
  for (const [pipelineIndex, pipeline] of model.pipelines.entries())
    for (const [stageIndex, stage] of pipeline.stages.entries()) {
      const index = stage.robots.findIndex((r) => r.id === id);
      const robot = stage.robots[index];
      if (robot) return { pipeline, stage, pipelineIndex, stageIndex, robot, index };
    }
  return null;
}

/** Finds a trigger and the stage it moves records into. */
export function findTrigger(
  model: AutomationModel,
  id: string,
): (StageRef & { trigger: Trigger; index: number }) | null {
  for (const [pipelineIndex, pipeline] of model.pipelines.entries())
    for (const [stageIndex, stage] of pipeline.stages.entries()) {
      const index = stage.triggers.findIndex((t) => t.id === id);
      const trigger = stage.triggers[index];
      if (trigger) return { pipeline, stage, pipelineIndex, stageIndex, trigger, index };
    }
  return null;
}

/** Every robot and trigger id in the model (they share one namespace of node ids). */
export function takenNodeIds(model: AutomationModel): Set<string> {
  const ids = new Set<string>();
  for (const p of model.pipelines)
    for (const s of p.stages) {
      for (const r of s.robots) ids.add(r.id);
      for (const t of s.triggers) ids.add(t.id);
    }
  return ids;
}
