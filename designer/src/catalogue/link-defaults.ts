import type { AutomationModel, EntityType, Pipeline } from '../../../schemas/index.js';

/** A pipeline's stage other parts can point at, with the pipeline's entity. */
export interface LinkPoint {
  readonly entity: EntityType;
  readonly pipeline: string;
  readonly stage: string;
}

/** Pipelines that records of `pipeline` create linked records in (its robots). */
function linkedFrom(model: AutomationModel, pipeline: string): Set<string> {
  const out = new Set<string>();
  const p = model.pipelines.find((x) => x.key === pipeline);
  for (const s of p?.stages ?? [])
    for (const r of s.robots)
      if (r.action.type === 'create_linked_record' && r.action.pipeline !== undefined)
        out.add(r.action.pipeline);
  return out;
}

/** Pipelines whose robots create linked records in `pipeline`. */
function linkingTo(model: AutomationModel, pipeline: string): Set<string> {
  const out = new Set<string>();
  for (const p of model.pipelines)
    for (const s of p.stages)
      for (const r of s.robots)
        if (r.action.type === 'create_linked_record' && r.action.pipeline === pipeline)
          out.add(p.key);
  return out;
}

/**
 * Where "create linked record" should go by default: another pipeline (one this
 * pipeline does not hand to yet, else any other) and its first stage. Only when the
 * model has a single pipeline does it point at that one.
 *
 * @example linkTarget(model, 'sales') // { entity: 'deal', pipeline: 'logistics', stage: 'new_request' }
 */
export function linkTarget(model: AutomationModel, pipeline: string): LinkPoint | null {
  const others = model.pipelines.filter((p) => p.key !== pipeline);
  const used = linkedFrom(model, pipeline);
  const target =
    others.find((p) => !used.has(p.key)) ??
    others[0] ??
    model.pipelines.find((p) => p.key === pipeline);
  const stage = target?.stages[0];
  return target && stage ? { entity: target.entity, pipeline: target.key, stage: stage.key } : null;
}

/** The stage a linked record "reached" by default: its first success stage, else a later one. */
function awaitedStage(p: Pipeline): string | undefined {
  const success = p.stages.find((s) => s.kind === 'success');
  if (success) return success.key;
  const inProgress = p.stages.filter((s) => s.kind === 'in_progress');
  return (inProgress.at(-1) ?? p.stages[0])?.key;
}

/**
 * What "linked record reached stage" should listen to by default: a stage of a
 * pipeline linked with this one (the one its robots hand records to, else one that
 * hands records here, else any other), never this pipeline's own stage, which would
 * move the record in a loop (`CYCLE`).
 *
 * @example linkSource(model, 'sales') // { entity: 'deal', pipeline: 'logistics', stage: 'delivered' }
 */
export function linkSource(model: AutomationModel, pipeline: string): LinkPoint | null {
  const byKey = (k: string) => model.pipelines.find((p) => p.key === k && p.key !== pipeline);
  const candidates = [
    ...[...linkedFrom(model, pipeline)].map(byKey),
    ...[...linkingTo(model, pipeline)].map(byKey),
    ...model.pipelines.filter((p) => p.key !== pipeline),
  ].filter((p): p is Pipeline => p !== undefined);
  const source = candidates[0];
  const stage = source ? awaitedStage(source) : undefined;
  return source && stage ? { entity: source.entity, pipeline: source.key, stage } : null;
}
