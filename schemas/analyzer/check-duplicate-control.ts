import type { Diagnostic } from '../diagnostics.js';
import { ENTITY_TYPES } from '../model/common.js';
import { diagnostic, type Check } from './diagnostic.js';
import { forEachTrigger } from './walk-model.js';

/**
 * Duplicate control compares fields that exist: each of `duplicates.fields` on the
 * entity itself and on every `against` entity (the same key is read there). A
 * `duplicate_found` trigger of an entity without duplicate control never fires.
 */
export const checkDuplicateControl: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  for (const entity of ENTITY_TYPES) {
    const control = model.entities[entity]?.duplicates;
    if (control === undefined) continue;
    const at = `/entities/${entity}/duplicates/fields`;
    const against = control.against ?? [entity];
    control.fields.forEach((key, i) => {
      const missingOn = [entity, ...against].find((e) => !ctx.fields[e].has(key));
      if (missingOn === undefined) return;
      const what =
        missingOn === entity
          ? `${entity} has no field "${key}"`
          : `${missingOn} has no field "${key}" to compare ${entity} records with`;
      out.push(
        diagnostic(
          'UNKNOWN_FIELD',
          'error',
          `${at}/${i}`,
          what,
          undefined,
          missingOn === entity
            ? { entity, field: key }
            : { variant: 'against', entity: missingOn, field: key, other: entity },
        ),
      );
    });
    if (control.markField !== undefined && !ctx.fields[entity].has(control.markField))
      out.push(
        diagnostic(
          'UNKNOWN_FIELD',
          'error',
          `/entities/${entity}/duplicates/markField`,
          `${entity} has no field "${control.markField}"`,
          undefined,
          { entity, field: control.markField },
        ),
      );
  }
  forEachTrigger(model, (t, site) => {
    if (t.type !== 'duplicate_found' || model.entities[site.entity]?.duplicates !== undefined)
      return;
    out.push(
      diagnostic(
        'DUPLICATES_NOT_DECLARED',
        'warning',
        site.path,
        `${site.entity} declares no duplicate control (entities.${site.entity}.duplicates), so this trigger never fires`,
        site.nodeId,
        { entity: site.entity },
      ),
    );
  });
  return out;
};
