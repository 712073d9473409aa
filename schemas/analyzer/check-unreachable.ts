import type { Diagnostic } from '../diagnostics.js';
import { jsonPointer } from '../diagnostics.js';
import { diagnostic, type Check } from './diagnostic.js';
import { stageGraphOf, stageKey } from './stage-graph.js';

const pipelineOf = (node: string): string => node.slice(0, node.indexOf('/'));

/**
 * In a pipeline that automation feeds (some create_linked_record or convert_lead
 * lands in it), records start where automation puts them. A stage is reachable
 * when a record can land in it from another pipeline, when it has a trigger, or
 * when an edge leads to it from a reachable stage of the same pipeline. The rest
 * is reported as info: managers may still move records there by hand. Failure
 * stages are left out: losing a record is a manager's decision by nature.
 * Pipelines nothing creates records in are fed by hand and never reported. Stages
 * marked `manual` (moved by people) are reached by definition, and so is what
 * automation leads to from them.
 */
export const checkUnreachable: Check = (model, ctx) => {
  const graph = stageGraphOf(model, ctx);
  const fed = new Set<string>();
  const reached = new Set<string>();
  for (const e of graph.edges) {
    if (e.kind === 'create_linked_record' || e.kind === 'convert_lead') fed.add(pipelineOf(e.to));
    if (pipelineOf(e.from) !== pipelineOf(e.to)) reached.add(e.to);
  }
  if (fed.size === 0) return [];
  for (const p of model.pipelines)
    for (const s of p.stages)
      if (s.triggers.length > 0 || s.manual === true) reached.add(stageKey(p.key, s.key));
  const queue = [...reached];
  for (let head = 0; head < queue.length; head += 1) {
    for (const e of graph.outgoing.get(queue[head] as string) ?? []) {
      if (reached.has(e.to)) continue;
      reached.add(e.to);
      queue.push(e.to);
    }
  }
  const out: Diagnostic[] = [];
  model.pipelines.forEach((p, pi) => {
    if (!fed.has(p.key)) return;
    p.stages.forEach((s, si) => {
      if (s.kind === 'failure' || reached.has(stageKey(p.key, s.key))) return;
      out.push(
        diagnostic(
          'UNREACHABLE_STAGE',
          'info',
          jsonPointer('pipelines', pi, 'stages', si),
          `no robot or trigger leads records of pipeline "${p.name}" into stage "${s.name}"; only a manual move can`,
          `stage:${p.key}/${s.key}`,
          { pipeline: p.name, stage: s.name },
        ),
      );
    });
  });
  return out;
};
