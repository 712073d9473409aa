import type { AutomationModel, EntityType } from '../../../schemas/index.js';
import { STANDARD_FIELDS } from '../../../schemas/catalogue/standard-fields.js';

/** A field of the record's entity: key, label in the UI language, type. */
export interface EntityField {
  readonly key: string;
  readonly label: string;
  readonly type: string;
}

/** Standard then custom fields of an entity in a model, labelled in `language`. */
export function entityFields(
  model: AutomationModel,
  entity: EntityType,
  language: string,
): EntityField[] {
  const standard = STANDARD_FIELDS[entity].map((f) => ({
    key: f.key,
    label: language === 'ru' ? f.label.ru : f.label.en,
    type: f.type,
  }));
  const custom = (model.entities[entity]?.fields ?? []).map((f) => ({
    key: f.key,
    label: f.label,
    type: f.type,
  }));
  return [...standard, ...custom.filter((c) => !standard.some((s) => s.key === c.key))];
}
