import type { Diagnostic } from '../diagnostics.js';
import { FORBIDDEN_PATH_SEGMENTS } from '../logic/operations.js';
import type { EntityType } from '../model/common.js';
import { DATE_TYPES, type AnalysisContext } from './analysis-context.js';
import { diagnostic, type Check } from './diagnostic.js';
import { fieldName } from './display-names.js';
import { fieldOfVar, logicVars } from './logic-vars.js';
import { forEachLogic } from './walk-logic.js';
import { forEachRobot, forEachStage, forEachTrigger } from './walk-model.js';

function fieldChecker(ctx: AnalysisContext, out: Diagnostic[]) {
  /** Reports an unknown field (and, with `mustBeDate`, one that holds no date). */
  return (
    entity: EntityType,
    key: string,
    at: string,
    nodeId: string | undefined,
    mustBeDate = false,
  ): void => {
    const field = ctx.fields[entity].get(key);
    if (!field) {
      out.push(
        diagnostic('UNKNOWN_FIELD', 'error', at, `${entity} has no field "${key}"`, nodeId, {
          entity,
          field: key,
        }),
      );
      return;
    }
    if (mustBeDate && !DATE_TYPES.has(field.type))
      out.push(
        diagnostic(
          'FIELD_NOT_DATE',
          'error',
          at,
          `field "${fieldName(ctx, entity, key)}" of ${entity} is a ${field.type} field; a date or datetime field is needed here`,
          nodeId,
          { field: fieldName(ctx, entity, key), entity, type: field.type },
        ),
      );
  };
}

/**
 * Every field the model names exists on the entity it is read from or written to:
 * stage required fields, update targets, trigger fields, date anchors (which must be
 * date or datetime fields), addressee fields, field mappings and the `var` paths of
 * conditions (`$now`, `$event.*`, `id`, `entity`, `pipeline` and `stage` are always there).
 */
export const checkFieldReferences: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  const field = fieldChecker(ctx, out);
  forEachStage(model, (pipeline, stage, at) =>
    stage.requiredFields?.forEach((key, i) =>
      field(
        pipeline.entity,
        key,
        `${at}/requiredFields/${i}`,
        `stage:${pipeline.key}/${stage.key}`,
      ),
    ),
  );
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    const at = `${site.path}/action`;
    const e = site.entity;
    const id = site.nodeId;
    if (robot.timing.kind === 'relative_to_field')
      field(e, robot.timing.field, `${site.path}/timing/field`, id, true);
    if (a.type === 'update_fields')
      a.set.forEach((s, i) => field(e, s.field, `${at}/set/${i}/field`, id));
    if (a.type === 'create_task' && a.deadline && a.deadline.from !== 'now')
      field(e, a.deadline.from.field, `${at}/deadline/from/field`, id, true);
    if ((a.type === 'send_email' || a.type === 'send_message') && a.to.kind === 'field')
      field(e, a.to.field, `${at}/to/field`, id);
    if (a.type === 'create_linked_record')
      a.fieldMap?.forEach((m, i) => field(a.entity, m.to, `${at}/fieldMap/${i}/to`, id));
  });
  forEachTrigger(model, (t, site) => {
    if (t.type === 'field_changed') field(site.entity, t.field, `${site.path}/field`, site.nodeId);
    if (t.type === 'date_reached')
      field(site.entity, t.field, `${site.path}/field`, site.nodeId, true);
  });
  forEachLogic(model, (site) => {
    for (const v of logicVars(site.logic, site.path)) {
      const key = fieldOfVar(v.name);
      // Unsafe paths are the safety check's finding; one finding per mistake.
      if (key !== null && !FORBIDDEN_PATH_SEGMENTS.has(key))
        field(site.entity, key, v.path, site.nodeId);
    }
  });
  return out;
};
