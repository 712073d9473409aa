import {
  STANDARD_FIELDS,
  type AutomationModel,
  type EntityType,
  type FieldType,
} from '../../../schemas/index.js';

/** A field a condition or a template can refer to. */
export interface ConditionField {
  readonly key: string;
  readonly type: FieldType;
  readonly label: string;
  readonly options?: ReadonlyArray<{ key: string; label: string }>;
}

/**
 * Standard and custom fields of an entity, labelled in the UI language, plus the
 * record's `stage`. Custom fields override standard ones of the same key.
 *
 * @example entityFields(model, 'deal', 'ru').find((f) => f.key === 'amount')?.label // 'Сумма'
 */
export function entityFields(
  model: AutomationModel,
  entity: EntityType,
  language: string,
): ConditionField[] {
  const lang = language.startsWith('ru') ? 'ru' : 'en';
  const byKey = new Map<string, ConditionField>();
  for (const f of STANDARD_FIELDS[entity])
    byKey.set(f.key, { key: f.key, type: f.type, label: f.label[lang] });
  for (const f of model.entities[entity]?.fields ?? [])
    byKey.set(f.key, { key: f.key, type: f.type, label: f.label, options: f.options });
  return [...byKey.values()];
}
