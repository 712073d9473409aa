import type { Trigger, TriggerType } from '../../../schemas/index.js';

/** Every trigger kind, in palette order, with a schema-valid starting value. */
export const TRIGGER_KINDS: ReadonlyArray<{
  readonly type: TriggerType;
  readonly create: (id: string, ctx: { pipeline: string; stage: string }) => Trigger;
}> = [
  { type: 'incoming_message', create: (id) => ({ id, type: 'incoming_message' }) },
  { type: 'incoming_email', create: (id) => ({ id, type: 'incoming_email' }) },
  { type: 'payment_received', create: (id) => ({ id, type: 'payment_received' }) },
  { type: 'incoming_call', create: (id) => ({ id, type: 'incoming_call' }) },
  { type: 'missed_call', create: (id) => ({ id, type: 'missed_call' }) },
  { type: 'form_submitted', create: (id) => ({ id, type: 'form_submitted' }) },
  { type: 'field_changed', create: (id) => ({ id, type: 'field_changed', field: 'amount' }) },
  { type: 'responsible_changed', create: (id) => ({ id, type: 'responsible_changed' }) },
  {
    type: 'date_reached',
    create: (id) => ({ id, type: 'date_reached', field: 'closeDate' }),
  },
  {
    type: 'linked_record_stage',
    create: (id, c) => ({
      id,
      type: 'linked_record_stage',
      entity: 'deal',
      pipeline: c.pipeline,
      stage: c.stage,
    }),
  },
  { type: 'inbound_webhook', create: (id) => ({ id, type: 'inbound_webhook' }) },
  { type: 'task_completed', create: (id) => ({ id, type: 'task_completed' }) },
  { type: 'duplicate_found', create: (id) => ({ id, type: 'duplicate_found' }) },
];
