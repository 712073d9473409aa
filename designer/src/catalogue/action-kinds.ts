import type { Action, ActionType } from '../../../schemas/index.js';

/** What a fresh action can point at before the admin picks something better. */
export interface DefaultsContext {
  readonly pipeline: string;
  readonly stage: string;
  readonly user: string;
  readonly template: string;
}

/** Every action kind, in palette order, with a schema-valid starting value. */
export const ACTION_KINDS: ReadonlyArray<{
  readonly type: ActionType;
  readonly create: (ctx: DefaultsContext) => Action;
}> = [
  { type: 'assign', create: (c) => ({ type: 'assign', target: { kind: 'user', user: c.user } }) },
  {
    type: 'notify',
    create: () => ({ type: 'notify', recipients: [{ kind: 'responsible' }], message: '' }),
  },
  {
    type: 'create_task',
    create: () => ({ type: 'create_task', title: '', assignee: { kind: 'responsible' } }),
  },
  { type: 'change_stage', create: (c) => ({ type: 'change_stage', stage: c.stage }) },
  {
    type: 'update_fields',
    create: () => ({ type: 'update_fields', set: [{ field: 'title', value: '' }] }),
  },
  {
    type: 'send_email',
    create: (c) => ({ type: 'send_email', to: { kind: 'client' }, template: c.template }),
  },
  {
    type: 'send_message',
    create: (c) => ({ type: 'send_message', to: { kind: 'client' }, template: c.template }),
  },
  {
    type: 'create_linked_record',
    create: (c) => ({ type: 'create_linked_record', entity: 'deal', pipeline: c.pipeline }),
  },
  {
    type: 'generate_document',
    create: (c) => ({ type: 'generate_document', template: c.template }),
  },
  { type: 'webhook', create: () => ({ type: 'webhook', url: 'https://example.com/hook' }) },
  {
    type: 'convert_lead',
    create: () => ({ type: 'convert_lead', createContact: true, createCompany: false }),
  },
  { type: 'add_comment', create: () => ({ type: 'add_comment', text: '' }) },
];
