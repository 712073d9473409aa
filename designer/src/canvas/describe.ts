import type { TFunction } from 'i18next';
import { workingHoursMode } from '../../../schemas/model/timing.js';
import type {
  Action,
  AssignTarget,
  AutomationModel,
  Directory,
  Duration,
  Timing,
  Trigger,
} from '../../../schemas/index.js';

/** "15 min", "7 days". */
export function describeDuration(t: TFunction, d: Duration): string {
  return `${d.value} ${t(`unit.${d.unit}`)}`;
}

/** "at once", "after 15 min", "7 days before End date", with "· working hours". */
export function describeTiming(
  t: TFunction,
  timing: Timing,
  fieldLabel: (key: string) => string,
): string {
  let text: string;
  switch (timing.kind) {
    case 'immediate':
      text = t('timing.atOnce');
      break;
    case 'delay':
      text = t('timing.after', { duration: describeDuration(t, timing.duration) });
      break;
    case 'relative_to_field':
      text = t('timing.relative', {
        duration: describeDuration(t, timing.offset),
        direction: t(`direction.${timing.direction}`),
        field: fieldLabel(timing.field),
      });
      break;
    case 'after_previous':
      text = timing.duration
        ? t('timing.afterPreviousPlus', { duration: describeDuration(t, timing.duration) })
        : t('timing.afterPrevious');
  }
  const mode = workingHoursMode(timing);
  if (mode === undefined) return text;
  return `${text} · ${t(mode === 'count' ? 'timing.workingTimeCounted' : 'timing.workingHours')}`;
}

function userName(directory: Directory, key: string): string {
  return directory.users.find((u) => u.key === key)?.name ?? key;
}

/** "Sidorov", "queue Sales", "rules table (3)". */
export function describeAssignTarget(
  t: TFunction,
  target: AssignTarget,
  directory: Directory,
): string {
  switch (target.kind) {
    case 'user':
      return userName(directory, target.user);
    case 'queue':
      return t('assign.summaryQueue', {
        name: directory.queues.find((q) => q.key === target.queue)?.name ?? target.queue,
      });
    case 'random':
      return t('assign.summaryRandom');
    case 'rules':
      return t('assign.summaryRules', { count: target.rules.length });
  }
}

function stageName(
  model: AutomationModel,
  pipeline: string | undefined,
  stage: string | undefined,
): string {
  const p = model.pipelines.find((x) => x.key === pipeline);
  const s = p?.stages.find((x) => x.key === stage);
  return s ? (p && pipeline ? `${p.name} / ${s.name}` : s.name) : (stage ?? '');
}

/** One line saying what the action does to whom. */
export function describeAction(
  t: TFunction,
  action: Action,
  ctx: { model: AutomationModel; directory: Directory; pipeline: string },
): string {
  switch (action.type) {
    case 'assign':
      return describeAssignTarget(t, action.target, ctx.directory);
    case 'change_stage':
      return `→ ${stageName(ctx.model, action.pipeline ?? ctx.pipeline, action.stage)}`;
    case 'create_linked_record':
      return `→ ${t(`entity.${action.entity}`)}${action.pipeline ? `: ${stageName(ctx.model, action.pipeline, action.stage ?? ctx.model.pipelines.find((p) => p.key === action.pipeline)?.stages[0]?.key)}` : ''}`;
    case 'create_task':
      return action.title;
    case 'notify':
      return action.message;
    case 'send_email':
    case 'send_message':
    case 'generate_document':
      return action.template;
    case 'update_fields':
      return action.set.map((s) => s.field).join(', ');
    case 'webhook':
      return action.url;
    case 'add_comment':
      return action.text;
    case 'convert_lead':
      return [
        action.createContact && t('entity.contact'),
        action.createCompany && t('entity.company'),
        action.deal && t('entity.deal'),
      ]
        .filter(Boolean)
        .join(' + ');
  }
}

/** The trigger's event with its parameter, e.g. "Field changed: amount". */
export function describeTrigger(t: TFunction, trigger: Trigger, model: AutomationModel): string {
  const label = t(`trigger.${trigger.type}`);
  switch (trigger.type) {
    case 'field_changed':
      return `${label}: ${trigger.field}`;
    case 'date_reached':
      return `${label}: ${trigger.field}`;
    case 'linked_record_stage':
      return `${label}: ${stageName(model, trigger.pipeline, trigger.stage)}`;
    case 'incoming_message':
      return trigger.channel ? `${label}: ${trigger.channel}` : label;
    case 'duplicate_found': {
      const pipeline = model.pipelines.find((p) =>
        p.stages.some((s) => s.triggers.some((x) => x.id === trigger.id)),
      );
      const fields = pipeline && model.entities[pipeline.entity]?.duplicates?.fields;
      return fields ? `${label}: ${fields.join(', ')}` : label;
    }
    default:
      return label;
  }
}
