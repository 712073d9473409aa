import type { Pipeline, Stage } from '../model/pipelines.js';
import type { Trigger } from '../model/triggers.js';
import type { Rule, RuleMatch } from '../ruleset/ruleset.js';

/** The event parameters a trigger filters on; `{}` for events that have none. */
function triggerMatch(trigger: Trigger): RuleMatch {
  switch (trigger.type) {
    case 'field_changed':
      return { field: trigger.field };
    case 'incoming_message':
      return trigger.channel === undefined ? {} : { channel: trigger.channel };
    case 'form_submitted':
      return trigger.form === undefined ? {} : { form: trigger.form };
    case 'linked_record_stage':
      return { entity: trigger.entity, pipeline: trigger.pipeline, stage: trigger.stage };
    case 'date_reached': {
      const match: RuleMatch = { field: trigger.field };
      if (trigger.direction !== undefined) match.direction = trigger.direction;
      if (trigger.offset !== undefined) match.offset = trigger.offset;
      return match;
    }
    default:
      return {};
  }
}

/**
 * A trigger as a rule fired by its event whose only action moves the record into the
 * trigger's stage. Every trigger rule carries a `match` (possibly empty) so the
 * runtime reads one shape; `allowBackwards` defaults to false.
 */
export function compileTrigger(
  trigger: Trigger,
  pipeline: Pipeline,
  stage: Stage,
  index: number,
): Rule {
  return {
    id: `trigger:${trigger.id}`,
    source: { kind: 'trigger', id: trigger.id, pipeline: pipeline.key, stage: stage.key, index },
    entity: pipeline.entity,
    event: trigger.type,
    pipeline: pipeline.key,
    stage: stage.key,
    match: triggerMatch(trigger),
    condition: trigger.condition === undefined ? true : trigger.condition,
    allowBackwards: trigger.allowBackwards ?? false,
    actions: [{ type: 'change_stage', pipeline: pipeline.key, stage: stage.key }],
  };
}
