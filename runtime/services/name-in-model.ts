import type { AutomationModel } from '../../schemas/index.js';

/**
 * The name the admin gave a robot or trigger in the model, else its id.
 *
 * @example nameInModel(model, 'robot', 'remind') // 'Reminder'
 */
export function nameInModel(model: AutomationModel | undefined, kind: string, id: string): string {
  for (const p of model?.pipelines ?? []) {
    for (const s of p.stages) {
      const list: ReadonlyArray<{ id: string; name?: string }> =
        kind === 'robot' ? s.robots : s.triggers;
      const found = list.find((x) => x.id === id);
      if (found !== undefined) return found.name ?? id;
    }
  }
  return id;
}
