import type { AutomationModel } from '../model/model.js';
import type { Robot } from '../model/robots.js';
import { workingHoursMode } from '../model/timing.js';
import type { AnalysisContext } from './analysis-context.js';
import { landingStage, stageRef, type StageRef } from './stage-targets.js';
import { forEachRobot, forEachTrigger } from './walk-model.js';

export type EdgeKind =
  | 'change_stage'
  | 'create_linked_record'
  | 'convert_lead'
  | 'linked_record_stage'
  | 'field_changed';

/** "A record in `from` leads (maybe) to a record in `to`", and which node causes it. */
export interface StageEdge {
  readonly from: string;
  readonly to: string;
  readonly kind: EdgeKind;
  /** Unconditional and immediate: nothing stops it from happening every time. */
  readonly definite: boolean;
  /** JSON Pointer and canvas node id of the robot or trigger behind the edge. */
  readonly path: string;
  readonly nodeId: string;
}

/** Nodes are `pipeline/stage`, listed in document order. */
export interface StageGraph {
  readonly nodes: readonly string[];
  readonly edges: readonly StageEdge[];
  readonly outgoing: ReadonlyMap<string, readonly StageEdge[]>;
}

export const stageKey = (pipeline: string, stage: string): string => `${pipeline}/${stage}`;
const keyOf = (r: StageRef): string => stageKey(r.pipeline.pipeline.key, r.stage.stage.key);

const unconditional = (condition: unknown): boolean =>
  condition === undefined || condition === true;

const robotIsDefinite = (robot: Robot): boolean =>
  unconditional(robot.condition) &&
  robot.timing.kind === 'immediate' &&
  workingHoursMode(robot.timing) === undefined;

interface Writer {
  readonly stage: string;
  readonly stageIndex: number;
  readonly definite: boolean;
}

/**
 * The graph over (pipeline, stage) along which automation moves or creates records:
 * robots' change_stage, create_linked_record (to the new record's stage) and
 * convert_lead (to the deal's stage); linked_record_stage triggers (the linked
 * record's stage leads to the trigger's stage); field_changed and
 * responsible_changed triggers fed by robots of the same pipeline that write the
 * field (update_fields, or assign for the responsible). A field_changed edge that
 * would move a record backwards is left out unless the trigger allows it.
 */
export function buildStageGraph(model: AutomationModel, ctx: AnalysisContext): StageGraph {
  const nodes: string[] = [];
  for (const p of model.pipelines) for (const s of p.stages) nodes.push(stageKey(p.key, s.key));
  const edges: StageEdge[] = [];
  const writers = new Map<string, Writer[]>();
  const addWriter = (pipeline: string, field: string, w: Writer): void => {
    const k = `${pipeline} ${field}`;
    const list = writers.get(k);
    if (list) list.push(w);
    else writers.set(k, [w]);
  };

  forEachRobot(model, (robot, site) => {
    const from = stageKey(site.pipeline.key, site.stage.key);
    const definite = robotIsDefinite(robot);
    const edge = (to: StageRef | null, kind: EdgeKind): void => {
      if (to)
        edges.push({ from, to: keyOf(to), kind, definite, path: site.path, nodeId: site.nodeId });
    };
    const a = robot.action;
    const stageIndex = ctx.pipelines.get(site.pipeline.key)?.stages.get(site.stage.key)?.index ?? 0;
    if (a.type === 'change_stage') {
      const to = stageRef(ctx, a.pipeline ?? site.pipeline.key, a.stage);
      edge(to?.pipeline.pipeline.entity === site.entity ? to : null, 'change_stage');
    }
    if (a.type === 'create_linked_record')
      edge(landingStage(ctx, a.entity, a.pipeline, a.stage), 'create_linked_record');
    if (a.type === 'convert_lead' && a.deal)
      edge(landingStage(ctx, 'deal', a.deal.pipeline, a.deal.stage), 'convert_lead');
    if (a.type === 'update_fields')
      for (const s of a.set)
        addWriter(site.pipeline.key, s.field, { stage: site.stage.key, stageIndex, definite });
    // Assigning may pick the user already responsible, so it is never definite.
    if (a.type === 'assign')
      addWriter(site.pipeline.key, 'responsible', {
        stage: site.stage.key,
        stageIndex,
        definite: false,
      });
  });

  forEachTrigger(model, (t, site) => {
    const to = stageKey(site.pipeline.key, site.stage.key);
    const definite = unconditional(t.condition);
    if (t.type === 'linked_record_stage') {
      const from = stageRef(ctx, t.pipeline, t.stage);
      if (from && from.pipeline.pipeline.entity === t.entity)
        edges.push({
          from: keyOf(from),
          to,
          kind: t.type,
          definite,
          path: site.path,
          nodeId: site.nodeId,
        });
      return;
    }
    if (t.type !== 'field_changed' && t.type !== 'responsible_changed') return;
    const field = t.type === 'field_changed' ? t.field : 'responsible';
    const targetIndex =
      ctx.pipelines.get(site.pipeline.key)?.stages.get(site.stage.key)?.index ?? 0;
    for (const w of writers.get(`${site.pipeline.key} ${field}`) ?? []) {
      if (w.stage === site.stage.key) continue;
      if (w.stageIndex > targetIndex && t.allowBackwards !== true) continue;
      edges.push({
        from: stageKey(site.pipeline.key, w.stage),
        to,
        kind: 'field_changed',
        definite: definite && w.definite,
        path: site.path,
        nodeId: site.nodeId,
      });
    }
  });

  const outgoing = new Map<string, StageEdge[]>();
  for (const e of edges) {
    const list = outgoing.get(e.from);
    if (list) list.push(e);
    else outgoing.set(e.from, [e]);
  }
  return { nodes, edges, outgoing };
}

const built = new WeakMap<AnalysisContext, StageGraph>();

/** The stage graph of an analysis, built once and shared by the checks that need it. */
export function stageGraphOf(model: AutomationModel, ctx: AnalysisContext): StageGraph {
  let graph = built.get(ctx);
  if (!graph) {
    graph = buildStageGraph(model, ctx);
    built.set(ctx, graph);
  }
  return graph;
}
