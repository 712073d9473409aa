import type { TFunction } from 'i18next';
import type { AutomationModel, Directory, EntityType } from '../../../schemas/index.js';
import { entityFields } from '../condition/condition-fields.js';
import { describeAction, describeTiming, describeTrigger } from './describe.js';
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
  return nodes.map((node): FlowNode => {
    if (node.type === 'robot') {
      const { robot, pipeline, entity } = node.data;
      return {
        ...node,
        data: {
          ...node.data,
          text: {
            action: describeAction(t, robot.action, { model, directory, pipeline }),
            timing: describeTiming(t, robot.timing, fieldLabel(entity)),
          },
        },
      };
    }
    if (node.type === 'trigger')
      return {
        ...node,
        data: { ...node.data, text: describeTrigger(t, node.data.trigger, model) },
      };
    return node;
  });
}
