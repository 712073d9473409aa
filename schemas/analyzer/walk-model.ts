import { jsonPointer } from '../diagnostics.js';
import type { EntityType } from '../model/common.js';
import type { AutomationModel } from '../model/model.js';
import type { Pipeline, Stage } from '../model/pipelines.js';
import type { Robot } from '../model/robots.js';
import type { Trigger } from '../model/triggers.js';

/** Where a robot or trigger sits: its pipeline and stage, JSON Pointer and canvas node id. */
export interface NodeSite {
  readonly pipeline: Pipeline;
  readonly stage: Stage;
  readonly entity: EntityType;
  /** JSON Pointer of the robot or trigger itself. */
  readonly path: string;
  readonly nodeId: string;
}

/** Canvas node id of a stage. */
export const stageNodeId = (pipeline: string, stage: string): string =>
  `stage:${pipeline}/${stage}`;

/** Visits every stage in document order. */
export function forEachStage(
  model: AutomationModel,
  visit: (pipeline: Pipeline, stage: Stage, path: string, pi: number, si: number) => void,
): void {
  model.pipelines.forEach((pipeline, pi) =>
    pipeline.stages.forEach((stage, si) =>
      visit(pipeline, stage, jsonPointer('pipelines', pi, 'stages', si), pi, si),
    ),
  );
}

/** Visits every robot in document order. */
export function forEachRobot(
  model: AutomationModel,
  visit: (robot: Robot, site: NodeSite, index: number) => void,
): void {
  forEachStage(model, (pipeline, stage, stagePath) =>
    stage.robots.forEach((robot, ri) =>
      visit(
        robot,
        {
          pipeline,
          stage,
          entity: pipeline.entity,
          path: `${stagePath}/robots/${ri}`,
          nodeId: `robot:${robot.id}`,
        },
        ri,
      ),
    ),
  );
}

/** Visits every trigger in document order. */
export function forEachTrigger(
  model: AutomationModel,
  visit: (trigger: Trigger, site: NodeSite, index: number) => void,
): void {
  forEachStage(model, (pipeline, stage, stagePath) =>
    stage.triggers.forEach((trigger, ti) =>
      visit(
        trigger,
        {
          pipeline,
          stage,
          entity: pipeline.entity,
          path: `${stagePath}/triggers/${ti}`,
          nodeId: `trigger:${trigger.id}`,
        },
        ti,
      ),
    ),
  );
}
