import type { AutomationModel, EntityType } from '../../../schemas/index.js';
import { entityFields } from '../condition/condition-fields.js';

/** Liquid placeholders a template of this entity can use (docs/contracts.md "Templates"). */
export function placeholders(
  model: AutomationModel,
  entity: EntityType,
  language: string,
): string[] {
  const record = [
    // Names first: texts for people read better with "Новая заявка" than `new_request`.
    'stageName',
    'pipelineName',
    'id',
    'entity',
    'pipeline',
    'stage',
    ...entityFields(model, entity, language).map((f) => f.key),
  ];
  const linked = (e: EntityType, prefix: string) =>
    entityFields(model, e, language).map((f) => `${prefix}.${f.key}`);
  return [
    ...record.map((k) => `record.${k}`),
    ...linked('contact', 'contact'),
    ...linked('company', 'company'),
    ...linked('lead', 'linked.lead'),
    ...linked('deal', 'linked.deal'),
    'responsible.name',
    'responsible.email',
    'manager.name',
    'manager.email',
    'now',
  ];
}
