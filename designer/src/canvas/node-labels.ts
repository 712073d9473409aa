import type { TFunction } from 'i18next';
import type { AutomationModel, Directory, EntityType } from '../../../schemas/index.js';
import { entityFields } from '../condition/condition-fields.js';
import { describeAction, describeTiming, describeTrigger } from './describe.js';
import { summarizeCondition } from '../condition/summarize-condition.js';
import type { FlowNode } from './flow-types.js';

/**
 * Puts each robot's and trigger's one-line texts into its node data, so node views
 * need not read the whole model from context: a context change re-renders every
 * consumer, which on a 1,000-robot model made each keystroke cost seconds.
 *
 * @example labelNodes(toFlow(model).nodes, model, directory, i18n.t, 'en')
 */
export function labelNodes(
  nodes: readonly FlowNode[],
  model: AutomationModel,
  directory: Directory,
  t: TFunction,
  language: string,
): FlowNode[] {
  const labelsByEntity = new Map<EntityType, Map<string, string>>();
  const fieldLabel = (entity: EntityType) => {
    let labels = labelsByEntity.get(entity);
    if (!labels) {
      labels = new Map(entityFields(model, entity, language).map((f) => [f.key, f.label]));
      labelsByEntity.set(entity, labels);
    }
    const found = labels;
    return (key: string) => found.get(key) ?? key;
  };
  const stageNames = new Map(
    model.pipelines.flatMap((p) => p.stages.map((s) => [`${p.key}/${s.key}`, s.name] as const)),
  );
  const entityOf = new Map(model.pipelines.map((p) => [p.key, p.entity] as const));
  // Stage values read as stage names; other values as typed.
  const summary = (logic: unknown, pipeline: string) => {
    if (logic === undefined) return undefined;
    const label = fieldLabel(entityOf.get(pipeline) ?? 'deal');
    return summarizeCondition(t, logic, label, (field, v) =>
      field === 'stage' ? (stageNames.get(`${pipeline}/${String(v)}`) ?? String(v)) : String(v),
    );
  };
  return nodes.map((node): FlowNode => {
    if (node.type === 'robot') {
      const { robot, pipeline, entity } = node.data;
      const condition = summary(robot.condition, pipeline);
      return {
        ...node,
        data: {
          ...node.data,
          text: {
            action: describeAction(t, robot.action, { model, directory, pipeline }),
            timing: describeTiming(t, robot.timing, fieldLabel(entity)),
            ...(condition === undefined ? {} : { condition }),
          },
        },
      };
    }
    if (node.type === 'trigger') {
      const conditionText = summary(node.data.trigger.condition, node.data.pipeline);
      return {
        ...node,
        data: {
          ...node.data,
          text: describeTrigger(t, node.data.trigger, model),
          ...(conditionText === undefined ? {} : { conditionText }),
        },
      };
    }
    return node;
  });
}
