import type { AutomationModel } from '../model/model.js';
import type { Pipeline } from '../model/pipelines.js';
import {
  RULESET_SCHEMA_VERSION,
  type Rule,
  type RuleSet,
  type RuleSetPipeline,
} from '../ruleset/ruleset.js';
import { canonicalize } from './canonicalize.js';
import { compileDuplicates } from './compile-duplicates.js';
import { compileFields } from './compile-fields.js';
import { compileRobot } from './compile-robot.js';
import { compileTrigger } from './compile-trigger.js';

function compilePipeline(pipeline: Pipeline): RuleSetPipeline {
  return {
    key: pipeline.key,
    name: pipeline.name,
    entity: pipeline.entity,
    stages: pipeline.stages.map((s) =>
      s.requiredFields === undefined
        ? { key: s.key, name: s.name, kind: s.kind }
        : { key: s.key, name: s.name, kind: s.kind, requiredFields: s.requiredFields },
    ),
  };
}

/** Pipelines in model order, stages in order; in a stage its robots, then its triggers. */
function compileRules(model: AutomationModel): Rule[] {
  return model.pipelines.flatMap((pipeline) =>
    pipeline.stages.flatMap((stage) => [
      ...stage.robots.map((robot, i) => compileRobot(robot, pipeline, stage, i)),
      ...stage.triggers.map((trigger, i) => compileTrigger(trigger, pipeline, stage, i)),
    ]),
  );
}

/**
 * Compiles a schema-valid model into the rule set the runtime executes. Pure and
 * deterministic: the result shares nothing with the model, every object's keys are
 * sorted, and the layout is ignored, so the same model (in any key order, nodes
 * anywhere on the canvas) gives byte-identical `stringifyRuleSet` output. It does not
 * judge the model (that is `analyzeModel`'s job) and does not throw on any
 * schema-valid one.
 *
 * @example stringifyRuleSet(compileModel(model))
 */
export function compileModel(model: AutomationModel): RuleSet {
  const ruleSet: RuleSet = {
    schemaVersion: RULESET_SCHEMA_VERSION,
    kind: 'conveyor.ruleset',
    model: { id: model.id, name: model.name },
    fields: compileFields(model),
    pipelines: model.pipelines.map(compilePipeline),
    directory: model.directory ?? { users: [], departments: [], queues: [] },
    templates: model.templates ?? [],
    calendars: model.calendars ?? [],
    rules: compileRules(model),
  };
  if (model.defaultCalendar !== undefined) ruleSet.defaultCalendar = model.defaultCalendar;
  const loopGuard = model.settings?.loopGuard;
  if (loopGuard !== undefined) ruleSet.loopGuard = { ...loopGuard };
  const duplicates = compileDuplicates(model);
  if (duplicates !== undefined) ruleSet.duplicates = duplicates;
  return canonicalize(ruleSet);
}
