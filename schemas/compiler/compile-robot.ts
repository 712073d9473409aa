import type { Action } from '../model/actions.js';
import type { Pipeline, Stage } from '../model/pipelines.js';
import type { Robot } from '../model/robots.js';
import type { Rule } from '../ruleset/ruleset.js';

/** The action with the defaults the runtime would otherwise have to know spelled out. */
function explicitAction(action: Action, pipeline: string): Action {
  switch (action.type) {
    case 'change_stage':
      return { ...action, pipeline: action.pipeline ?? pipeline };
    case 'assign':
      return { ...action, skipUnavailable: action.skipUnavailable ?? true };
    default:
      return action;
  }
}

/**
 * A robot as a rule fired by entering its stage. Policies get their defaults
 * (`onLeaveStage: 'cancel'`; `onAnchorChange: 'replan'` for a timing anchored to a
 * field, where it means something), and an absent condition becomes `true`.
 */
export function compileRobot(robot: Robot, pipeline: Pipeline, stage: Stage, index: number): Rule {
  const rule: Rule = {
    id: `robot:${robot.id}`,
    source: { kind: 'robot', id: robot.id, pipeline: pipeline.key, stage: stage.key, index },
    entity: pipeline.entity,
    event: 'stage_entered',
    pipeline: pipeline.key,
    stage: stage.key,
    // `=== undefined`, not `??`: a null condition is falsy and must stay null.
    condition: robot.condition === undefined ? true : robot.condition,
    timing: robot.timing,
    onLeaveStage: robot.onLeaveStage ?? 'cancel',
    actions: [explicitAction(robot.action, pipeline.key)],
  };
  if (robot.timing.kind === 'relative_to_field') {
    rule.onAnchorChange = robot.onAnchorChange ?? 'replan';
  }
  return rule;
}
