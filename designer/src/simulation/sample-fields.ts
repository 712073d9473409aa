import {
  STANDARD_FIELDS,
  type AutomationModel,
  type EntityType,
  type FieldType,
} from '../../../schemas/index.js';

const SAMPLE: Partial<Record<FieldType, unknown>> = {
  string: 'Sample',
  number: 1,
  money: 100000,
  boolean: false,
  date: '2026-01-12',
  datetime: '2026-01-12T09:00:00Z',
};

/**
 * Starting field values for a sample record of an entity: the title, the responsible
 * (the first user of the model's directory who heads no department), an amount, and every required or custom field
 * of the model with a plausible value of its type, so a run does not stop on a missing
 * field. The admin edits them before running.
 *
 * @example sampleFields(model, 'deal') // { title: 'Sample deal', amount: 100000, ... }
 */
export function sampleFields(model: AutomationModel, entity: EntityType): Record<string, unknown> {
  const out: Record<string, unknown> = { title: `Sample ${entity}` };
  // A regular employee, not a department head, so "notify the manager" has someone to reach.
  const heads = new Set(model.directory?.departments.map((d) => d.manager) ?? []);
  const users = model.directory?.users ?? [];
  const user = (users.find((u) => !heads.has(u.key)) ?? users[0])?.key;
  if (user) out.responsible = user;
  const standard = STANDARD_FIELDS[entity].map((f) => f.key);
  if (standard.includes('amount')) out.amount = 100000;
  if (standard.includes('currency')) out.currency = 'RUB';
  for (const f of model.entities[entity]?.fields ?? []) {
    if (f.type === 'enum') out[f.key] = f.options?.[0]?.key ?? '';
    else if (f.type === 'user') out[f.key] = user ?? '';
    else if (f.key in SAMPLE || f.type in SAMPLE) out[f.key] = SAMPLE[f.type] ?? '';
  }
  return out;
}
