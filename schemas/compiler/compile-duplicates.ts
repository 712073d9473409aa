import { ENTITY_TYPES } from '../model/common.js';
import type { AutomationModel } from '../model/model.js';
import type { RuleSet } from '../ruleset/ruleset.js';

/**
 * The duplicate control of each entity that declares one, `against` made explicit
 * (absent means the entity itself); `undefined` when none does, so rule sets of models
 * without duplicate control stay as they were.
 */
export function compileDuplicates(model: AutomationModel): RuleSet['duplicates'] {
  const out: NonNullable<RuleSet['duplicates']> = {};
  for (const entity of ENTITY_TYPES) {
    const control = model.entities[entity]?.duplicates;
    if (control === undefined) continue;
    out[entity] = {
      fields: [...control.fields],
      against: [...(control.against ?? [entity])],
      ...(control.link === undefined ? {} : { link: control.link }),
      ...(control.markField === undefined ? {} : { markField: control.markField }),
    };
  }
  return Object.keys(out).length === 0 ? undefined : out;
}
