import type { AutomationModel } from '../../../schemas/index.js';

/** The names an admin typed for a model and its robots and triggers, by rule id. */
export interface RobotNames {
  readonly model: string;
  /** `robot:<id>` / `trigger:<id>` (the rule ids a published version runs) to the name typed. */
  readonly rules: Readonly<Record<string, string>>;
}

/**
 * The names of a model's robots and triggers, keyed as the audit log names them (a
 * robot or trigger without a name of its own is left out: the reader shows its key).
 *
 * @example robotNamesOf(model).rules['robot:assign'] // 'Assign by turn'
 */
export function robotNamesOf(model: AutomationModel): RobotNames {
  const rules: Record<string, string> = {};
  for (const p of model.pipelines)
    for (const s of p.stages) {
      for (const r of s.robots) if (r.name) rules[`robot:${r.id}`] = r.name;
      for (const tr of s.triggers) if (tr.name) rules[`trigger:${tr.id}`] = tr.name;
    }
  return { model: model.name, rules };
}
