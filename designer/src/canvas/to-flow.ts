import { MarkerType } from '@xyflow/react';
import type { AutomationModel, Diagnostic } from '../../../schemas/index.js';
import { pipelineNodeId, robotNodeId, stageNodeId, triggerNodeId } from '../editor/node-ids.js';
import type { FlowEdge, FlowNode, NodeIssues } from './flow-types.js';
import type { NodeMark } from './node-mark.js';
import {
  COLUMN_WIDTH,
  LANE_HEADER_WIDTH,
  ROBOT_HEIGHT,
  ROW_GAP,
  STAGE_HEIGHT,
  TRIGGER_HEIGHT,
  laneGeometry,
} from './lane-geometry.js';

const ARROW = { type: MarkerType.ArrowClosed, width: 18, height: 18 } as const;

/** Groups diagnostics by the canvas node they point at. */
export function issuesByNode(diagnostics: readonly Diagnostic[]): Map<string, NodeIssues> {
  const out = new Map<string, { errors: number; warnings: number; messages: string[] }>();
  for (const d of diagnostics) {
    if (!d.nodeId || d.severity === 'info') continue;
    const entry = out.get(d.nodeId) ?? { errors: 0, warnings: 0, messages: [] };
    if (d.severity === 'error') entry.errors++;
    else entry.warnings++;
    entry.messages.push(d.message);
    out.set(d.nodeId, entry);
  }
  return out;
}

/**
 * The canvas view of a model: one lane node per pipeline with its stages in order,
 * triggers above each stage and robots below it in execution order (children of the
 * lane, so moving a lane moves its content), and edges for cross-stage actions and
 * linked-record triggers. Pure: same model, diagnostics and selection, same output.
 *
 * @example const { nodes, edges } = toFlow(model, analyzeModel(model), new Set(['robot:r1']))
 */
export function toFlow(
  model: AutomationModel,
  diagnostics: readonly Diagnostic[] = [],
  selected: ReadonlySet<string> = new Set(),
  marks: ReadonlyMap<string, NodeMark> = new Map(),
): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const issues = issuesByNode(diagnostics);
  const nodes: FlowNode[] = [];
  const edges: FlowEdge[] = [];
  const lanes = laneGeometry(model);
  const entityOf = new Map(model.pipelines.map((p) => [p.key, p.entity]));

  model.pipelines.forEach((pipeline, pi) => {
    const lane = lanes[pi];
    if (!lane) return;
    const laneId = pipelineNodeId(pipeline.key);
    nodes.push({
      id: laneId,
      type: 'lane',
      position: { x: lane.x, y: lane.y },
      data: { pipeline, width: lane.width, height: lane.height },
      style: { width: lane.width, height: lane.height },
      selected: selected.has(laneId),
      zIndex: -1,
      connectable: false,
    });
    pipeline.stages.forEach((stage, si) => {
      const x = LANE_HEADER_WIDTH + si * COLUMN_WIDTH;
      const id = stageNodeId(pipeline.key, stage.key);
      nodes.push({
        id,
        type: 'stage',
        parentId: laneId,
        position: { x, y: lane.stageY },
        data: {
          pipeline: pipeline.key,
          entity: pipeline.entity,
          stage,
          index: si,
          issues: issues.get(id),
          mark: marks.get(id),
        },
        selected: selected.has(id),
      });
      stage.triggers.forEach((trigger, ti) => {
        const tid = triggerNodeId(trigger.id);
        nodes.push({
          id: tid,
          type: 'trigger',
          parentId: laneId,
          position: { x, y: lane.stageY - (ti + 1) * (TRIGGER_HEIGHT + ROW_GAP) },
          data: {
            pipeline: pipeline.key,
            stage: stage.key,
            trigger,
            issues: issues.get(tid),
            mark: marks.get(tid),
          },
          selected: selected.has(tid),
        });
        if (trigger.type === 'linked_record_stage')
          edges.push({
            id: `edge:${tid}`,
            source: stageNodeId(trigger.pipeline, trigger.stage),
            sourceHandle: 'out',
            target: tid,
            targetHandle: 'in',
            animated: true,
            className: 'edge-linked-trigger',
            data: { kind: 'linked_record_stage' },
          });
      });
      stage.robots.forEach((robot, ri) => {
        const rid = robotNodeId(robot.id);
        nodes.push({
          id: rid,
          type: 'robot',
          parentId: laneId,
          position: { x, y: lane.stageY + STAGE_HEIGHT + ROW_GAP + ri * (ROBOT_HEIGHT + ROW_GAP) },
          data: {
            pipeline: pipeline.key,
            stage: stage.key,
            entity: pipeline.entity,
            robot,
            order: ri + 1,
            issues: issues.get(rid),
            mark: marks.get(rid),
          },
          selected: selected.has(rid),
        });
        const action = robot.action;
        if (action.type === 'change_stage')
          edges.push({
            id: `edge:${rid}`,
            source: rid,
            sourceHandle: 'out',
            target: stageNodeId(action.pipeline ?? pipeline.key, action.stage),
            targetHandle: 'in',
            className: 'edge-change-stage',
            data: { kind: 'change_stage' },
          });
        if (action.type === 'create_linked_record' && action.pipeline) {
          const target = model.pipelines.find((p) => p.key === action.pipeline);
          const stageKey = action.stage ?? target?.stages[0]?.key;
          if (target && stageKey && entityOf.get(target.key) === action.entity)
            edges.push({
              id: `edge:${rid}`,
              source: rid,
              sourceHandle: 'out',
              target: stageNodeId(target.key, stageKey),
              targetHandle: 'in',
              animated: true,
              className: 'edge-linked-record',
              data: { kind: 'create_linked_record' },
            });
        }
      });
    });
  });
  const ids = new Set(nodes.map((n) => n.id));
  // An arrowhead says unambiguously which stage (or trigger) an edge ends at.
  return {
    nodes,
    edges: edges
      .filter((e) => ids.has(e.source) && ids.has(e.target))
      .map((e) => ({ ...e, markerEnd: ARROW })),
  };
}
