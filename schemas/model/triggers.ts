import { Type, type Static } from '@sinclair/typebox';
import { Duration, EntityType, FieldKey, JsonLogic, Key } from './common.js';

const common = {
  id: Key,
  name: Type.Optional(Type.String({ maxLength: 200 })),
  /** JSON-Logic over the record and the event (`$event`); absent means always. */
  condition: Type.Optional(JsonLogic),
  /** Allow moving the record to an earlier stage (default false). */
  allowBackwards: Type.Optional(Type.Boolean()),
};

function trigger<K extends string, P extends Parameters<typeof Type.Object>[0]>(kind: K, props: P) {
  return Type.Object(
    { type: Type.Literal(kind), ...common, ...props },
    { additionalProperties: false },
  );
}

export const FieldChangedTrigger = trigger('field_changed', { field: FieldKey });
export const ResponsibleChangedTrigger = trigger('responsible_changed', {});
export const IncomingMessageTrigger = trigger('incoming_message', { channel: Type.Optional(Key) });
export const IncomingEmailTrigger = trigger('incoming_email', {});
export const PaymentReceivedTrigger = trigger('payment_received', {});
export const FormSubmittedTrigger = trigger('form_submitted', { form: Type.Optional(Key) });
export const IncomingCallTrigger = trigger('incoming_call', {});
export const MissedCallTrigger = trigger('missed_call', {});
export const InboundWebhookTrigger = trigger('inbound_webhook', {});
/** A linked record (e.g. the logistics deal) reached a stage of its pipeline. */
export const LinkedRecordStageTrigger = trigger('linked_record_stage', {
  entity: EntityType,
  pipeline: Key,
  stage: Key,
});
/** A date field of the record was reached (optionally with an offset). */
export const DateReachedTrigger = trigger('date_reached', {
  field: FieldKey,
  direction: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
  offset: Type.Optional(Duration),
});
export const TaskCompletedTrigger = trigger('task_completed', {});
/**
 * A record created or imported duplicates existing ones (the entity's `duplicates`
 * control); the condition sees `$event.duplicates` = `[{entity, id, field, value}]`.
 */
export const DuplicateFoundTrigger = trigger('duplicate_found', {});

export const Trigger = Type.Union([
  FieldChangedTrigger,
  ResponsibleChangedTrigger,
  IncomingMessageTrigger,
  IncomingEmailTrigger,
  PaymentReceivedTrigger,
  FormSubmittedTrigger,
  IncomingCallTrigger,
  MissedCallTrigger,
  InboundWebhookTrigger,
  LinkedRecordStageTrigger,
  DateReachedTrigger,
  TaskCompletedTrigger,
  DuplicateFoundTrigger,
]);
export type Trigger = Static<typeof Trigger>;
export type TriggerType = Trigger['type'];
