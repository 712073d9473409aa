import { Type, type Static } from '@sinclair/typebox';
import { Duration, EntityType, FieldKey, JsonLogic, Key, TemplateText } from './common.js';
import { AssignTarget, PersonRef } from './assignment.js';

export const ChangeStageAction = Type.Object(
  {
    type: Type.Literal('change_stage'),
    /** Another pipeline of the same entity; defaults to the record's pipeline. */
    pipeline: Type.Optional(Key),
    stage: Key,
  },
  { additionalProperties: false },
);

export const AssignAction = Type.Object(
  {
    type: Type.Literal('assign'),
    target: AssignTarget,
    /** Skip inactive or absent users (default true). */
    skipUnavailable: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);

export const FieldAssignment = Type.Object(
  {
    field: FieldKey,
    /** A literal or a JSON-Logic expression, e.g. {"date_add": [{"var": "$now"}, 3, "days"]}. */
    value: JsonLogic,
  },
  { additionalProperties: false },
);

export const UpdateFieldsAction = Type.Object(
  {
    type: Type.Literal('update_fields'),
    set: Type.Array(FieldAssignment, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);

/** A moment relative to now or to a date field of the record. */
export const Deadline = Type.Object(
  {
    from: Type.Union([
      Type.Literal('now'),
      Type.Object({ field: FieldKey }, { additionalProperties: false }),
    ]),
    direction: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
    offset: Duration,
  },
  { additionalProperties: false },
);
export type Deadline = Static<typeof Deadline>;

export const CreateTaskAction = Type.Object(
  {
    type: Type.Literal('create_task'),
    title: TemplateText,
    description: Type.Optional(TemplateText),
    assignee: PersonRef,
    deadline: Type.Optional(Deadline),
  },
  { additionalProperties: false },
);

export const NotifyAction = Type.Object(
  {
    type: Type.Literal('notify'),
    recipients: Type.Array(PersonRef, { minItems: 1, maxItems: 50 }),
    message: TemplateText,
  },
  { additionalProperties: false },
);

/** Where an email or message goes. */
export const Addressee = Type.Union([
  Type.Object({ kind: Type.Literal('client') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('responsible') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('manager') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('user'), user: Key }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('address'), address: Type.String({ minLength: 3, maxLength: 320 }) },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('field'), field: FieldKey }, { additionalProperties: false }),
]);
export type Addressee = Static<typeof Addressee>;

export const SendEmailAction = Type.Object(
  { type: Type.Literal('send_email'), to: Addressee, template: Key },
  { additionalProperties: false },
);

export const SendMessageAction = Type.Object(
  {
    type: Type.Literal('send_message'),
    /** Channel key configured in the runtime (outbox by default). */
    channel: Type.Optional(Key),
    to: Addressee,
    template: Key,
  },
  { additionalProperties: false },
);

export const FieldMapping = Type.Object(
  {
    /** Field of the new record. */
    to: FieldKey,
    /** JSON-Logic over the source record, e.g. {"var": "amount"}. */
    from: JsonLogic,
  },
  { additionalProperties: false },
);

export const CreateLinkedRecordAction = Type.Object(
  {
    type: Type.Literal('create_linked_record'),
    entity: EntityType,
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    title: Type.Optional(TemplateText),
    fieldMap: Type.Optional(Type.Array(FieldMapping, { maxItems: 200 })),
    assign: Type.Optional(AssignTarget),
  },
  { additionalProperties: false },
);

export const GenerateDocumentAction = Type.Object(
  {
    type: Type.Literal('generate_document'),
    template: Key,
    /** Register the document is listed in, e.g. "contracts". */
    register: Type.Optional(Key),
  },
  { additionalProperties: false },
);

export const WebhookAction = Type.Object(
  {
    type: Type.Literal('webhook'),
    url: Type.String({ pattern: '^https?://', maxLength: 2000 }),
    method: Type.Optional(
      Type.Union([
        Type.Literal('POST'),
        Type.Literal('PUT'),
        Type.Literal('PATCH'),
        Type.Literal('GET'),
      ]),
    ),
    headers: Type.Optional(Type.Record(Type.String(), Type.String({ maxLength: 2000 }))),
    /** Liquid template for the body; defaults to the record as JSON. */
    body: Type.Optional(TemplateText),
    timeoutMs: Type.Optional(Type.Integer({ minimum: 100, maximum: 60_000 })),
    maxAttempts: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  },
  { additionalProperties: false },
);

export const ConvertLeadAction = Type.Object(
  {
    type: Type.Literal('convert_lead'),
    createContact: Type.Boolean(),
    createCompany: Type.Boolean(),
    deal: Type.Optional(
      Type.Object({ pipeline: Key, stage: Type.Optional(Key) }, { additionalProperties: false }),
    ),
  },
  { additionalProperties: false },
);

export const AddCommentAction = Type.Object(
  { type: Type.Literal('add_comment'), text: TemplateText },
  { additionalProperties: false },
);

export const Action = Type.Union([
  ChangeStageAction,
  AssignAction,
  UpdateFieldsAction,
  CreateTaskAction,
  NotifyAction,
  SendEmailAction,
  SendMessageAction,
  CreateLinkedRecordAction,
  GenerateDocumentAction,
  WebhookAction,
  ConvertLeadAction,
  AddCommentAction,
]);
export type Action = Static<typeof Action>;
export type ActionType = Action['type'];
