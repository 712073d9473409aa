import type { Action, Trigger } from '../../schemas/index.js';
import { ACTION_KINDS } from '../../designer/src/catalogue/action-kinds.js';
import { TRIGGER_KINDS } from '../../designer/src/catalogue/trigger-kinds.js';
import { STORY_PIPELINE, STORY_STAGE, STORY_TRIGGER_ID } from './fixtures.js';

/**
 * One filled-in action of every kind, pointing at things the workbench has (users,
 * templates, stages), so nodes and forms show real names rather than empty fields.
 * Starts from the palette's defaults: a new kind in the catalogue gets a story too.
 */
export const SAMPLE_ACTIONS: Readonly<Record<Action['type'], Action>> = {
  ...(Object.fromEntries(
    ACTION_KINDS.map((k) => [
      k.type,
      k.create({ pipeline: 'subscriptions', stage: 'paid', user: 'orlova', template: 'contract' }),
    ]),
  ) as Record<Action['type'], Action>),
  assign: { type: 'assign', target: { kind: 'user', user: 'orlova' } },
  notify: {
    type: 'notify',
    recipients: [{ kind: 'responsible' }],
    message: 'Trial of {{ record.title }} ends on {{ record.subscription_end }}',
  },
  create_task: {
    type: 'create_task',
    title: 'Call {{ contact.name }} about the trial',
    assignee: { kind: 'responsible' },
    deadline: { from: 'now', offset: { value: 1, unit: 'days' } },
  },
  change_stage: { type: 'change_stage', stage: 'invoice_sent' },
  update_fields: {
    type: 'update_fields',
    set: [
      { field: 'activated', value: true },
      { field: 'plan', value: 'year' },
    ],
  },
  send_email: { type: 'send_email', to: { kind: 'client' }, template: 'subscription_welcome' },
  send_message: {
    type: 'send_message',
    to: { kind: 'client' },
    template: 'renewal_payment_link',
    channel: 'telegram',
  },
  create_linked_record: {
    type: 'create_linked_record',
    entity: 'deal',
    pipeline: 'subscriptions',
    stage: 'onboarding',
    title: 'Subscription for {{ record.title }}',
  },
  generate_document: { type: 'generate_document', template: 'contract', register: 'contracts' },
  webhook: {
    type: 'webhook',
    url: 'https://erp.example.com/hooks/trial',
    method: 'POST',
    body: '{"deal": "{{ record.id }}"}',
  },
  add_comment: { type: 'add_comment', text: 'Trial started for {{ record.title }}' },
};

/** One trigger of every kind (id `story_trigger`), with its parameters filled in. */
export const SAMPLE_TRIGGERS: Readonly<Record<Trigger['type'], Trigger>> = {
  ...(Object.fromEntries(
    TRIGGER_KINDS.map((k) => [
      k.type,
      k.create(STORY_TRIGGER_ID, { pipeline: STORY_PIPELINE, stage: STORY_STAGE }),
    ]),
  ) as Record<Trigger['type'], Trigger>),
  incoming_message: { id: STORY_TRIGGER_ID, type: 'incoming_message', channel: 'telegram' },
  form_submitted: { id: STORY_TRIGGER_ID, type: 'form_submitted', form: 'trial_request' },
  field_changed: { id: STORY_TRIGGER_ID, type: 'field_changed', field: 'plan' },
  date_reached: {
    id: STORY_TRIGGER_ID,
    type: 'date_reached',
    field: 'subscription_end',
    offset: { value: 3, unit: 'days' },
    direction: 'before',
  },
  linked_record_stage: {
    id: STORY_TRIGGER_ID,
    type: 'linked_record_stage',
    entity: 'deal',
    pipeline: 'subscriptions',
    stage: 'active',
  },
};
