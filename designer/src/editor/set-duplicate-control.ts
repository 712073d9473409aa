import type { AutomationModel, DuplicateControl, EntityType } from '../../../schemas/index.js';

/**
 * Sets an entity's duplicate control in place (the caller owns the copy); undefined
 * removes it. An entity the model does not declare yet gets an empty field list.
 */
export function setDuplicateControl(
  model: AutomationModel,
  entity: EntityType,
  control: DuplicateControl | undefined,
): void {
  const def = model.entities[entity];
  if (control === undefined) {
    if (def) delete def.duplicates;
    return;
  }
  model.entities[entity] = { fields: def?.fields ?? [], duplicates: control };
}
