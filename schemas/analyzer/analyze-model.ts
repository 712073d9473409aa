import type { Diagnostic } from '../diagnostics.js';
import { jsonPointer } from '../diagnostics.js';
import { checkLogic } from '../logic/check-logic.js';
import type { AutomationModel } from '../model/model.js';
import type { Directory } from '../model/directory.js';
import { validateModelSchema } from '../validation/validate-model.js';

export interface AnalyzeOptions {
  /** The runtime's directory; references may point to it as well as to the model's own. */
  readonly directory?: Directory;
}

/** Every condition of the model with its JSON Pointer and canvas node id. */
function conditionChecks(model: AutomationModel): Diagnostic[] {
  const out: Diagnostic[] = [];
  model.pipelines.forEach((pipeline, pi) => {
    pipeline.stages.forEach((stage, si) => {
      stage.robots.forEach((robot, ri) => {
        const at = jsonPointer('pipelines', pi, 'stages', si, 'robots', ri);
        const nodeId = `robot:${robot.id}`;
        if (robot.condition !== undefined) {
          out.push(...checkLogic(robot.condition, { path: `${at}/condition`, nodeId }));
        }
        const action = robot.action;
        if (action.type === 'assign' && action.target.kind === 'rules') {
          action.target.rules.forEach((rule, i) => {
            out.push(
              ...checkLogic(rule.condition, {
                path: `${at}/action/target/rules/${i}/condition`,
                nodeId,
              }),
            );
          });
        }
        if (action.type === 'update_fields') {
          action.set.forEach((s, i) =>
            out.push(...checkLogic(s.value, { path: `${at}/action/set/${i}/value`, nodeId })),
          );
        }
        if (action.type === 'create_linked_record') {
          (action.fieldMap ?? []).forEach((m, i) =>
            out.push(...checkLogic(m.from, { path: `${at}/action/fieldMap/${i}/from`, nodeId })),
          );
        }
      });
      stage.triggers.forEach((trigger, ti) => {
        if (trigger.condition === undefined) return;
        const at = jsonPointer('pipelines', pi, 'stages', si, 'triggers', ti, 'condition');
        out.push(...checkLogic(trigger.condition, { path: at, nodeId: `trigger:${trigger.id}` }));
      });
    });
  });
  return out;
}

/**
 * Checks a model document before it goes live: schema first (exact JSON Pointers),
 * then the semantic checks. Pure; returns diagnostics sorted by path.
 *
 * @example analyzeModel(JSON.parse(text)).filter((d) => d.severity === 'error')
 */
export function analyzeModel(doc: unknown, _options: AnalyzeOptions = {}): Diagnostic[] {
  const schema = validateModelSchema(doc);
  if (schema.length > 0) return schema;
  const model = doc as AutomationModel;
  return [...conditionChecks(model)];
}
