import type { EntityType } from '../model/common.js';
import type { AssignTarget } from '../model/assignment.js';
import type { AutomationModel } from '../model/model.js';
import { forEachRobot, forEachTrigger } from './walk-model.js';

/** A JSON-Logic expression of the model and what it is evaluated against. */
export interface LogicSite {
  readonly logic: unknown;
  /** JSON Pointer of the expression. */
  readonly path: string;
  readonly nodeId: string;
  /** Entity of the record whose fields the expression reads. */
  readonly entity: EntityType;
  readonly pipeline: string;
}

function assignRuleConditions(
  target: AssignTarget | undefined,
  at: string,
  visit: (logic: unknown, path: string) => void,
): void {
  if (target?.kind !== 'rules') return;
  target.rules.forEach((rule, i) => visit(rule.condition, `${at}/rules/${i}/condition`));
}

/**
 * Visits every JSON-Logic expression of the model: robot and trigger conditions,
 * assignment-rule conditions, computed field values and field mappings.
 */
export function forEachLogic(model: AutomationModel, visit: (site: LogicSite) => void): void {
  forEachRobot(model, (robot, site) => {
    const emit = (logic: unknown, path: string): void =>
      visit({ logic, path, nodeId: site.nodeId, entity: site.entity, pipeline: site.pipeline.key });
    if (robot.condition !== undefined) emit(robot.condition, `${site.path}/condition`);
    const action = robot.action;
    const at = `${site.path}/action`;
    if (action.type === 'assign') assignRuleConditions(action.target, `${at}/target`, emit);
    if (action.type === 'update_fields')
      action.set.forEach((s, i) => emit(s.value, `${at}/set/${i}/value`));
    if (action.type === 'create_linked_record') {
      (action.fieldMap ?? []).forEach((m, i) => emit(m.from, `${at}/fieldMap/${i}/from`));
      assignRuleConditions(action.assign, `${at}/assign`, emit);
    }
  });
  forEachTrigger(model, (trigger, site) => {
    if (trigger.condition === undefined) return;
    visit({
      logic: trigger.condition,
      path: `${site.path}/condition`,
      nodeId: site.nodeId,
      entity: site.entity,
      pipeline: site.pipeline.key,
    });
  });
}
