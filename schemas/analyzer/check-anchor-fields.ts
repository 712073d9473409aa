import type { Diagnostic } from '../diagnostics.js';
import type { EntityType } from '../model/common.js';
import { DATE_TYPES } from './analysis-context.js';
import { diagnostic, type Check } from './diagnostic.js';
import { fieldName, nodeName } from './display-names.js';
import { forEachRobot, forEachTrigger } from './walk-model.js';

/**
 * A delay anchored to a date field never fires while the field is empty. The field
 * is safe when it is declared required, or (for a robot) when the robot's own stage
 * lists it in `requiredFields`, since a record cannot enter the stage without it.
 * Unknown or non-date anchors are reported by the field-reference check instead.
 */
export const checkAnchorFields: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  const optional = (entity: EntityType, key: string, stageRequired: readonly string[]): boolean => {
    const f = ctx.fields[entity].get(key);
    return f !== undefined && DATE_TYPES.has(f.type) && !f.required && !stageRequired.includes(key);
  };
  forEachRobot(model, (robot, site) => {
    if (robot.timing.kind !== 'relative_to_field') return;
    const key = robot.timing.field;
    if (optional(site.entity, key, site.stage.requiredFields ?? []))
      out.push(
        diagnostic(
          'ANCHOR_FIELD_OPTIONAL',
          'warning',
          `${site.path}/timing/field`,
          `robot "${nodeName(robot)}" waits for field "${fieldName(ctx, site.entity, key)}", which may be empty; make it required or list it in the required fields of stage "${site.stage.name}"`,
          site.nodeId,
          {
            variant: 'robot',
            robot: nodeName(robot),
            field: fieldName(ctx, site.entity, key),
            stage: site.stage.name,
          },
        ),
      );
  });
  forEachTrigger(model, (t, site) => {
    if (t.type !== 'date_reached') return;
    if (optional(site.entity, t.field, []))
      out.push(
        diagnostic(
          'ANCHOR_FIELD_OPTIONAL',
          'warning',
          `${site.path}/field`,
          `trigger "${nodeName(t)}" waits for field "${fieldName(ctx, site.entity, t.field)}", which may be empty; make the field required`,
          site.nodeId,
          { variant: 'trigger', trigger: nodeName(t), field: fieldName(ctx, site.entity, t.field) },
        ),
      );
  });
  return out;
};
