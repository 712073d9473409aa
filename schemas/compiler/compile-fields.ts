import { STANDARD_FIELDS } from '../catalogue/standard-fields.js';
import { ENTITY_TYPES, type EntityType } from '../model/common.js';
import type { FieldDef } from '../model/fields.js';
import type { AutomationModel } from '../model/model.js';
import type { Static } from '@sinclair/typebox';
import type { RuleSet, RuleSetField } from '../ruleset/ruleset.js';

type Field = Static<typeof RuleSetField>;

function customField(def: FieldDef): Field {
  const field: Field = { key: def.key, type: def.type };
  if (def.required !== undefined) field.required = def.required;
  if (def.multiple !== undefined) field.multiple = def.multiple;
  if (def.options !== undefined) field.options = def.options.map((o) => o.key);
  if (def.linkEntity !== undefined) field.linkEntity = def.linkEntity;
  return field;
}

function entityFields(model: AutomationModel, entity: EntityType): Field[] {
  const standard = STANDARD_FIELDS[entity].map((f): Field =>
    f.linkEntity === undefined
      ? { key: f.key, type: f.type }
      : { key: f.key, type: f.type, linkEntity: f.linkEntity },
  );
  const custom = (model.entities[entity]?.fields ?? []).map(customField);
  return [...standard, ...custom];
}

/**
 * Every field of every entity type as the runtime needs it: the catalogue's standard
 * fields first, then the model's custom fields in model order (labels dropped: the
 * runtime does not show them).
 */
export function compileFields(model: AutomationModel): RuleSet['fields'] {
  const [lead, deal, contact, company] = ENTITY_TYPES.map((e) => entityFields(model, e));
  return { lead: lead ?? [], deal: deal ?? [], contact: contact ?? [], company: company ?? [] };
}
