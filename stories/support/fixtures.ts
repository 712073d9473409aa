import {
  validateModelSchema,
  type Action,
  type AutomationModel,
  type Directory,
  type Robot,
  type Timing,
  type Trigger,
} from '../../schemas/index.js';
import { robotNodeId, triggerNodeId } from '../../designer/src/editor/node-ids.js';
import subscriptionsJson from '../../examples/subscriptions/model.json';
import handoffJson from '../../examples/sales-logistics-handoff/model.json';
import documentFlowJson from '../../examples/document-flow/model.json';
import leadsJson from '../../examples/leads/model.json';

/** An example model, checked against the model schema so a stale fixture fails loudly. */
export function exampleModel(json: unknown, slug: string): AutomationModel {
  const [problem] = validateModelSchema(json);
  if (problem) throw new Error(`examples/${slug}/model.json ${problem.path}: ${problem.message}`);
  return json as AutomationModel;
}

export const SUBSCRIPTIONS = exampleModel(subscriptionsJson, 'subscriptions');
export const HANDOFF = exampleModel(handoffJson, 'sales-logistics-handoff');
export const DOCUMENT_FLOW = exampleModel(documentFlowJson, 'document-flow');
export const LEADS = exampleModel(leadsJson, 'leads');
export const EXAMPLE_MODELS: readonly AutomationModel[] = [
  SUBSCRIPTIONS,
  HANDOFF,
  DOCUMENT_FLOW,
  LEADS,
];

/**
 * The model most stories edit: the subscriptions example (deal pipelines, date fields,
 * message and email templates) plus a document template so every action kind has
 * something to pick.
 */
export const WORKBENCH: AutomationModel = {
  ...SUBSCRIPTIONS,
  templates: [
    ...(SUBSCRIPTIONS.templates ?? []),
    {
      key: 'contract',
      kind: 'document',
      name: 'Contract',
      body: 'Contract for {{ record.title }}',
    },
  ],
};
/** Where stories put the robot or trigger they show. */
export const STORY_PIPELINE = 'sales';
export const STORY_STAGE = 'trial';
export const STORY_ROBOT_ID = 'story_robot';
export const STORY_TRIGGER_ID = 'story_trigger';

/** What the runtime's `GET /api/directory` answers in stories (merged with the model's own). */
export const STORY_DIRECTORY: Directory = {
  users: [{ key: 'admin', name: 'Admin' }],
  departments: [],
  queues: [],
};

function withStage(
  model: AutomationModel,
  edit: (robots: Robot[], triggers: Trigger[]) => { robots: Robot[]; triggers: Trigger[] },
): AutomationModel {
  return {
    ...model,
    pipelines: model.pipelines.map((p) =>
      p.key !== STORY_PIPELINE
        ? p
        : {
            ...p,
            stages: p.stages.map((s) =>
              s.key === STORY_STAGE ? { ...s, ...edit([...s.robots], [...s.triggers]) } : s,
            ),
          },
    ),
  };
}

/** The workbench with one robot (id `story_robot`) on the story stage, and its node id. */
export function modelWithRobot(
  action: Action,
  extra: { timing?: Timing; condition?: unknown; name?: string } = {},
): { model: AutomationModel; nodeId: string; robot: Robot } {
  // Optional keys only when set: the model stays exactly what the schema accepts.
  const robot: Robot = {
    id: STORY_ROBOT_ID,
    ...(extra.name !== undefined && { name: extra.name }),
    timing: extra.timing ?? { kind: 'immediate' },
    ...(extra.condition !== undefined && { condition: extra.condition }),
    action,
  };
  const model = withStage(WORKBENCH, (robots, triggers) => ({
    robots: [...robots, robot],
    triggers,
  }));
  return { model, nodeId: robotNodeId(STORY_ROBOT_ID), robot };
}

/** The workbench with one trigger (id `story_trigger`) on the story stage, and its node id. */
export function modelWithTrigger(trigger: Trigger): {
  model: AutomationModel;
  nodeId: string;
} {
  const model = withStage(WORKBENCH, (robots, triggers) => ({
    robots,
    triggers: [...triggers, trigger],
  }));
  return { model, nodeId: triggerNodeId(trigger.id) };
}
