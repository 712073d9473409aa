import type { Diagnostic } from '../diagnostics.js';
import type { AutomationModel } from '../model/model.js';
import type { AnalysisContext } from './analysis-context.js';
import { diagnostic, type Check } from './diagnostic.js';
import { nodeName, pipelineName, stageName } from './display-names.js';
import { forEachRobot, forEachTrigger } from './walk-model.js';
import { stageGraphOf, type StageEdge, type StageGraph } from './stage-graph.js';
import { stronglyConnectedComponents } from './strongly-connected-components.js';

type EdgeFilter = (e: StageEdge) => boolean;

/** Shortest way from `start` back to itself inside a component (breadth first). */
function cycleThrough(
  graph: StageGraph,
  start: string,
  members: ReadonlySet<string>,
  use: EdgeFilter,
): StageEdge[] {
  const via = new Map<string, StageEdge>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head += 1) {
    const node = queue[head] as string;
    for (const e of graph.outgoing.get(node) ?? []) {
      if (!use(e) || !members.has(e.to)) continue;
      if (e.to === start) {
        const cycle = [e];
        for (let at = node; at !== start;) {
          const back = via.get(at) as StageEdge;
          cycle.unshift(back);
          at = back.from;
        }
        return cycle;
      }
      if (!via.has(e.to)) {
        via.set(e.to, e);
        queue.push(e.to);
      }
    }
  }
  return [];
}

/** Cycles of the graph restricted to `use`, each as its edges, one per component. */
function cycles(graph: StageGraph, use: EdgeFilter): StageEdge[][] {
  const successors = new Map<string, string[]>();
  for (const e of graph.edges) {
    if (!use(e)) continue;
    const list = successors.get(e.from);
    if (list) list.push(e.to);
    else successors.set(e.from, [e.to]);
  }
  const order = new Map(graph.nodes.map((n, i) => [n, i]));
  const out: StageEdge[][] = [];
  for (const comp of stronglyConnectedComponents(graph.nodes, (n) => successors.get(n) ?? [])) {
    const members = new Set(comp);
    const start = [...comp].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0))[0] as string;
    const cycle = cycleThrough(graph, start, members, use);
    if (cycle.length > 0) out.push(cycle);
  }
  return out;
}

/** Names for people: `"Sales / Paid"` for a stage node, `robot "Hand over"` for a canvas node. */
function namer(model: AutomationModel, ctx: AnalysisContext) {
  const nodes = new Map<string, string>();
  forEachRobot(model, (r, site) => nodes.set(site.nodeId, `robot "${nodeName(r)}"`));
  forEachTrigger(model, (t, site) => nodes.set(site.nodeId, `trigger "${nodeName(t)}"`));
  return {
    stage: (node: string): string => {
      const [pipeline = '', stage = ''] = node.split('/');
      return `"${pipelineName(ctx, pipeline)} / ${stageName(ctx, pipeline, stage)}"`;
    },
    node: (id: string): string => nodes.get(id) ?? id,
    name: (id: string): string => (nodes.get(id) ?? id).replace(/^\w+ /, ''),
  };
}

function describe(
  names: ReturnType<typeof namer>,
  cycle: readonly StageEdge[],
): { stages: string; nodes: string; names: string } {
  const stages = [...cycle.map((e) => e.from), cycle[0]?.from ?? ''].map(names.stage).join(' -> ');
  // The message is for people, the nodeId for the canvas.
  const nodes = [...new Set(cycle.map((e) => e.nodeId))].map(names.node).join(', ');
  const names_ = [...new Set(cycle.map((e) => e.nodeId))].map(names.name).join(', ');
  return { stages, nodes, names: names_ };
}

/**
 * Robots and triggers that move (or create) records around stages forever. A cycle
 * whose every step is unconditional and immediate is an error (CYCLE); one with a
 * condition or a delay somewhere is a warning (POSSIBLE_CYCLE), reported only for
 * components without a certain cycle. Reported at the first step's robot or trigger.
 */
export const checkCycles: Check = (model, ctx) => {
  const graph = stageGraphOf(model, ctx);
  const names = namer(model, ctx);
  const out: Diagnostic[] = [];
  const certain = new Set<string>();
  for (const cycle of cycles(graph, (e) => e.definite)) {
    for (const e of cycle) certain.add(e.from);
    const { stages, nodes, names: who } = describe(names, cycle);
    const first = cycle[0] as StageEdge;
    out.push(
      diagnostic(
        'CYCLE',
        'error',
        first.path,
        `records loop forever through ${stages}: no condition or delay stops ${nodes}`,
        first.nodeId,
        { stages, nodes: who },
      ),
    );
  }
  for (const cycle of cycles(graph, () => true)) {
    if (cycle.some((e) => certain.has(e.from))) continue;
    const { stages, nodes, names: who } = describe(names, cycle);
    const first = cycle[0] as StageEdge;
    out.push(
      diagnostic(
        'POSSIBLE_CYCLE',
        'warning',
        first.path,
        `records may loop through ${stages} (${nodes}); make sure a condition ends the loop`,
        first.nodeId,
        { stages, nodes: who },
      ),
    );
  }
  return out;
};
