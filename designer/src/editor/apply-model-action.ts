import type { AutomationModel, Pipeline, Stage } from '../../../schemas/index.js';
import type { ModelAction } from './model-action.js';
import {
  parseNodeId,
  pipelineNodeId,
  robotNodeId,
  stageNodeId,
  triggerNodeId,
} from './node-ids.js';
import { connectNodes } from './connect-nodes.js';
import { takenNodeIds } from './model-index.js';
import { makeKey } from './make-key.js';
import { setDuplicateControl } from './set-duplicate-control.js';

function stageOf(model: AutomationModel, pipeline: string, stage: string): Stage | undefined {
  return model.pipelines.find((p) => p.key === pipeline)?.stages.find((s) => s.key === stage);
}

function pipelineOf(model: AutomationModel, key: string): Pipeline | undefined {
  return model.pipelines.find((p) => p.key === key);
}

function removeLayout(model: AutomationModel, ids: readonly string[]): void {
  if (!model.layout) return;
  for (const id of ids) delete model.layout.nodes[id];
}

function removeNode(model: AutomationModel, nodeId: string): void {
  const parsed = parseNodeId(nodeId);
  if (!parsed) return;
  if (parsed.kind === 'robot' || parsed.kind === 'trigger') {
    for (const p of model.pipelines)
      for (const s of p.stages) {
        if (parsed.kind === 'robot') s.robots = s.robots.filter((r) => r.id !== parsed.id);
        else s.triggers = s.triggers.filter((t) => t.id !== parsed.id);
      }
    removeLayout(model, [nodeId]);
    return;
  }
  if (parsed.kind === 'stage') {
    const p = pipelineOf(model, parsed.pipeline);
    // A pipeline keeps at least one stage (schema minItems 1).
    if (!p || p.stages.length <= 1) return;
    const s = p.stages.find((x) => x.key === parsed.stage);
    if (!s) return;
    p.stages = p.stages.filter((x) => x !== s);
    removeLayout(model, [
      nodeId,
      ...s.robots.map((r) => robotNodeId(r.id)),
      ...s.triggers.map((t) => triggerNodeId(t.id)),
    ]);
    return;
  }
  const p = pipelineOf(model, parsed.key);
  if (!p) return;
  model.pipelines = model.pipelines.filter((x) => x !== p);
  removeLayout(model, [
    nodeId,
    ...p.stages.flatMap((s) => [
      stageNodeId(p.key, s.key),
      ...s.robots.map((r) => robotNodeId(r.id)),
      ...s.triggers.map((t) => triggerNodeId(t.id)),
    ]),
  ]);
}

function setCondition(model: AutomationModel, nodeId: string, condition: unknown): void {
  const parsed = parseNodeId(nodeId);
  if (!parsed || (parsed.kind !== 'robot' && parsed.kind !== 'trigger')) return;
  for (const p of model.pipelines)
    for (const s of p.stages)
      for (const item of parsed.kind === 'robot' ? s.robots : s.triggers)
        if (item.id === parsed.id) {
          if (condition === undefined) delete item.condition;
          else item.condition = condition;
        }
}

/**
 * Applies one edit to a model and returns the new model; the input is not touched.
 * Unknown targets leave the model as it was (same content), never throw.
 *
 * @example applyModelAction(model, { type: 'renameStage', pipeline: 'sales', stage: 'new', name: 'Fresh' })
 */
export function applyModelAction(input: AutomationModel, action: ModelAction): AutomationModel {
  if (action.type === 'replaceModel') return action.model;
  const model = structuredClone(input);
  switch (action.type) {
    case 'renameModel':
      model.name = action.name;
      break;
    case 'setDuplicateControl':
      setDuplicateControl(model, action.entity, action.control);
      break;
    case 'addPipeline':
      model.pipelines.push({
        key: action.key,
        name: action.name,
        entity: action.entity,
        stages: [action.stage],
      });
      break;
    case 'setPipelineEntity': {
      const p = pipelineOf(model, action.pipeline);
      if (p) p.entity = action.entity;
      break;
    }
    case 'renamePipeline': {
      const p = pipelineOf(model, action.pipeline);
      if (p) p.name = action.name;
      break;
    }
    case 'addStage': {
      const p = pipelineOf(model, action.pipeline);
      if (!p) break;
      const index = action.index ?? p.stages.length;
      p.stages.splice(Math.max(0, Math.min(index, p.stages.length)), 0, action.stage);
      break;
    }
    case 'updateStage': {
      const s = stageOf(model, action.pipeline, action.stage);
      if (s) Object.assign(s, action.patch);
      if (s && action.patch.requiredFields?.length === 0) delete s.requiredFields;
      // Unset flags go, so a model stays as it was written.
      if (s && 'manual' in action.patch && action.patch.manual !== true) delete s.manual;
      break;
    }
    case 'renameStage': {
      const s = stageOf(model, action.pipeline, action.stage);
      if (s) s.name = action.name;
      break;
    }
    case 'setStageKind': {
      const s = stageOf(model, action.pipeline, action.stage);
      if (s) s.kind = action.kind;
      break;
    }
    case 'moveStage': {
      const p = pipelineOf(model, action.pipeline);
      const from = p?.stages.findIndex((s) => s.key === action.stage) ?? -1;
      if (!p || from < 0) break;
      const [s] = p.stages.splice(from, 1);
      const to = Math.max(0, Math.min(action.toIndex, p.stages.length));
      if (s) p.stages.splice(to, 0, s);
      break;
    }
    case 'removeStage':
      removeNode(model, stageNodeId(action.pipeline, action.stage));
      break;
    case 'addRobot': {
      const s = stageOf(model, action.pipeline, action.stage);
      if (!s || takenNodeIds(model).has(action.robot.id)) break;
      s.robots.splice(action.index ?? s.robots.length, 0, action.robot);
      break;
    }
    case 'updateRobot':
      for (const p of model.pipelines)
        for (const s of p.stages)
          s.robots = s.robots.map((r) => (r.id === action.robot.id ? action.robot : r));
      break;
    case 'moveRobot': {
      const target = stageOf(model, action.pipeline, action.stage);
      if (!target) break;
      let moved;
      for (const p of model.pipelines)
        for (const s of p.stages) {
          const i = s.robots.findIndex((r) => r.id === action.id);
          if (i >= 0) [moved] = s.robots.splice(i, 1);
        }
      if (!moved) break;
      target.robots.splice(Math.max(0, Math.min(action.index, target.robots.length)), 0, moved);
      break;
    }
    case 'pasteRobots': {
      const s = stageOf(model, action.pipeline, action.stage);
      if (!s) break;
      const taken = takenNodeIds(model);
      for (const robot of action.robots) {
        const id = makeKey(robot.id, taken, 'robot');
        taken.add(id);
        s.robots.push({ ...structuredClone(robot), id });
      }
      break;
    }
    case 'addTrigger': {
      const s = stageOf(model, action.pipeline, action.stage);
      if (s && !takenNodeIds(model).has(action.trigger.id)) s.triggers.push(action.trigger);
      break;
    }
    case 'updateTrigger':
      for (const p of model.pipelines)
        for (const s of p.stages)
          s.triggers = s.triggers.map((t) => (t.id === action.trigger.id ? action.trigger : t));
      break;
    case 'removeNodes':
      for (const id of action.nodeIds) removeNode(model, id);
      break;
    case 'setCondition':
      setCondition(model, action.nodeId, action.condition);
      break;
    case 'setLayout':
      model.layout = { nodes: { ...model.layout?.nodes, ...action.positions } };
      break;
    case 'autoLayout':
      if (model.layout) {
        const lanes = new Set(model.pipelines.map((p) => pipelineNodeId(p.key)));
        for (const id of Object.keys(model.layout.nodes))
          if (lanes.has(id)) delete model.layout.nodes[id];
      }
      break;
    case 'connect':
      return connectNodes(model, action.source, action.target, action.triggerId) ?? input;
  }
  return model;
}
