import type { Diagnostic } from '../diagnostics.js';
import type { EntityType } from '../model/common.js';
import type { TEMPLATE_KINDS } from '../model/templates.js';
import type { AnalysisContext } from './analysis-context.js';
import { diagnostic, type Check } from './diagnostic.js';
import { pipelineName } from './display-names.js';
import { forEachRobot, forEachTrigger } from './walk-model.js';

type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/**
 * Reports a pipeline/stage pair that does not resolve. `pipelineAt` is the pointer of
 * the pipeline key when the document names one; when it does not, `pipelineKey` is
 * the implied pipeline and only the stage can be wrong.
 */
function checkStageTarget(
  ctx: AnalysisContext,
  out: Diagnostic[],
  nodeId: string,
  entity: EntityType,
  pipelineKey: string | undefined,
  pipelineAt: string | undefined,
  stageKey: string | undefined,
  stageAt: string,
): void {
  if (pipelineKey === undefined) {
    if (stageKey !== undefined)
      out.push(
        diagnostic(
          'UNKNOWN_STAGE',
          'error',
          stageAt,
          `stage "${stageKey}" has no pipeline: the model has no ${entity} pipeline`,
          nodeId,
          { variant: 'noPipeline', stage: stageKey, entity },
        ),
      );
    return;
  }
  const pipeline = ctx.pipelines.get(pipelineKey);
  if (!pipeline) {
    out.push(
      diagnostic(
        'UNKNOWN_PIPELINE',
        'error',
        pipelineAt ?? stageAt,
        `pipeline "${pipelineKey}" does not exist`,
        nodeId,
        { pipeline: pipelineKey },
      ),
    );
    return;
  }
  if (pipeline.pipeline.entity !== entity) {
    out.push(
      diagnostic(
        'PIPELINE_ENTITY_MISMATCH',
        'error',
        pipelineAt ?? stageAt,
        `pipeline "${pipeline.pipeline.name}" holds ${pipeline.pipeline.entity} records, not ${entity} records`,
        nodeId,
        { pipeline: pipeline.pipeline.name, holds: pipeline.pipeline.entity, entity },
      ),
    );
    return;
  }
  if (stageKey !== undefined && !pipeline.stages.has(stageKey))
    out.push(
      diagnostic(
        'UNKNOWN_STAGE',
        'error',
        stageAt,
        `stage "${stageKey}" is not a stage of pipeline "${pipelineName(ctx, pipelineKey)}"`,
        nodeId,
        { stage: stageKey, pipeline: pipelineName(ctx, pipelineKey) },
      ),
    );
}

const TEMPLATE_KIND_OF: Readonly<Record<string, TemplateKind>> = {
  send_email: 'email',
  send_message: 'message',
  generate_document: 'document',
};

const article = (word: string): string => (/^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`);

function checkTemplate(
  ctx: AnalysisContext,
  out: Diagnostic[],
  actionType: string,
  key: string,
  at: string,
  nodeId: string,
): void {
  const template = ctx.templates.get(key);
  if (!template) {
    out.push(
      diagnostic('UNKNOWN_TEMPLATE', 'error', at, `template "${key}" does not exist`, nodeId, {
        template: key,
      }),
    );
    return;
  }
  const want = TEMPLATE_KIND_OF[actionType];
  if (want && template.kind !== want)
    out.push(
      diagnostic(
        'TEMPLATE_KIND_MISMATCH',
        'warning',
        at,
        `template "${template.name}" is ${article(template.kind)} template, but ${actionType} expects ${article(want)} template`,
        nodeId,
        { template: template.name, kind: template.kind, action: actionType, wanted: want },
      ),
    );
}

function checkCalendar(
  ctx: AnalysisContext,
  out: Diagnostic[],
  key: string | undefined,
  at: string,
  nodeId?: string,
): void {
  if (key !== undefined && !ctx.calendars.has(key))
    out.push(
      diagnostic('UNKNOWN_CALENDAR', 'error', at, `calendar "${key}" does not exist`, nodeId, {
        calendar: key,
      }),
    );
}

/**
 * References to pipelines, stages, templates and calendars resolve: a stage belongs
 * to the pipeline it is paired with, and a pipeline holds the entity the action or
 * trigger is about (a deal cannot move into a lead pipeline).
 */
export const checkReferences: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    const at = `${site.path}/action`;
    switch (a.type) {
      case 'change_stage':
        checkStageTarget(
          ctx,
          out,
          site.nodeId,
          site.entity,
          a.pipeline ?? site.pipeline.key,
          a.pipeline === undefined ? undefined : `${at}/pipeline`,
          a.stage,
          `${at}/stage`,
        );
        break;
      case 'create_linked_record':
        checkStageTarget(
          ctx,
          out,
          site.nodeId,
          a.entity,
          a.pipeline ?? ctx.defaultPipeline.get(a.entity),
          a.pipeline === undefined ? undefined : `${at}/pipeline`,
          a.stage,
          `${at}/stage`,
        );
        break;
      case 'convert_lead':
        if (a.deal)
          checkStageTarget(
            ctx,
            out,
            site.nodeId,
            'deal',
            a.deal.pipeline,
            `${at}/deal/pipeline`,
            a.deal.stage,
            `${at}/deal/stage`,
          );
        break;
      case 'send_email':
      case 'send_message':
      case 'generate_document':
        checkTemplate(ctx, out, a.type, a.template, `${at}/template`, site.nodeId);
        break;
      default:
        break;
    }
    checkCalendar(ctx, out, robot.timing.calendar, `${site.path}/timing/calendar`, site.nodeId);
  });
  forEachTrigger(model, (trigger, site) => {
    if (trigger.type !== 'linked_record_stage') return;
    checkStageTarget(
      ctx,
      out,
      site.nodeId,
      trigger.entity,
      trigger.pipeline,
      `${site.path}/pipeline`,
      trigger.stage,
      `${site.path}/stage`,
    );
  });
  checkCalendar(ctx, out, model.defaultCalendar, '/defaultCalendar');
  model.directory?.users.forEach((u, i) =>
    checkCalendar(ctx, out, u.calendar, `/directory/users/${i}/calendar`),
  );
  return out;
};
