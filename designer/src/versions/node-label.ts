import type { AutomationModel } from '../../../schemas/index.js';

/**
 * The name an admin gave the part a node id points at (robot, trigger, stage, pipeline,
 * field, template), as typed; `undefined` when the part has no name or is not in `model`.
 *
 * @example nodeLabel(model, 'robot:remind_after_15_min') // 'Remind after 15 minutes'
 */
export function nodeLabel(model: AutomationModel, nodeId: string): string | undefined {
  const [kind = '', rest = ''] = nodeId.split(/:(.*)/s);
  for (const p of model.pipelines) {
    if (kind === 'pipeline' && p.key === rest) return p.name;
    for (const s of p.stages) {
      if (kind === 'stage' && `${p.key}/${s.key}` === rest) return s.name;
      if (kind === 'robot') {
        const r = s.robots.find((x) => x.id === rest);
        if (r) return r.name;
      }
      if (kind === 'trigger') {
        const tr = s.triggers.find((x) => x.id === rest);
        if (tr) return tr.name;
      }
    }
  }
  if (kind === 'field') {
    const [entity = '', key] = rest.split('/');
    const fields = model.entities[entity as keyof AutomationModel['entities']]?.fields ?? [];
    return fields.find((f) => f.key === key)?.label;
  }
  if (kind === 'template') return model.templates?.find((t) => t.key === rest)?.name;
  if (kind === 'model') return model.name;
  return undefined;
}
