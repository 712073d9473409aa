import type { AutomationModel, EntityType } from '../../../schemas/index.js';
import { entityFields, type ConditionField } from './condition-fields.js';

const STAGE_LABEL = { en: 'Stage', ru: 'Стадия' } as const;

/**
 * What a condition can test: the entity's fields plus the record's `stage`, offered
 * as a pick-list of the stages of that entity's pipelines (a stage is chosen, never
 * typed as a key). A key used by several pipelines is one option naming them all.
 *
 * @example conditionFields(model, 'deal', 'en').find((f) => f.key === 'stage')?.options
 */
export function conditionFields(
  model: AutomationModel,
  entity: EntityType,
  language: string,
): ConditionField[] {
  const names = new Map<string, string[]>();
  const pipelines = model.pipelines.filter((p) => p.entity === entity);
  for (const p of pipelines)
    for (const s of p.stages)
      names.set(s.key, [
        ...(names.get(s.key) ?? []),
        pipelines.length > 1 ? `${p.name} / ${s.name}` : s.name,
      ]);
  const fields = entityFields(model, entity, language).filter((f) => f.key !== 'stage');
  if (names.size === 0) return fields;
  const stage: ConditionField = {
    key: 'stage',
    type: 'enum',
    label: STAGE_LABEL[language.startsWith('ru') ? 'ru' : 'en'],
    options: [...names].map(([key, labels]) => ({ key, label: labels.join(', ') })),
  };
  return [...fields, stage];
}
