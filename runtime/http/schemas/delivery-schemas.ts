import { PageQueryProperties } from '../../../schemas/api/page-schemas.js';
import { Type } from '@sinclair/typebox';
import { EntityType } from '../../../schemas/index.js';
import { DELIVERY_ERROR_CODES } from '../../delivery/delivery-ports.js';
import { RecordBody } from './api-schemas.js';

/** Bodies of the outbox, dead-letter, document and inbound-webhook routes. */
const Id = Type.String({ minLength: 1, maxLength: 200 });

export const DELIVERY_STATUSES = ['pending', 'kept', 'sent', 'dead', 'stored'] as const;
export const OUTBOX_KINDS = ['send_email', 'send_message', 'generate_document', 'webhook'] as const;

export const OutboxItem = Type.Object(
  {
    id: Type.String(),
    recordId: Type.String(),
    kind: Type.Union(OUTBOX_KINDS.map((k) => Type.Literal(k))),
    status: Type.Optional(Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)))),
    to: Type.Optional(Type.String()),
    channel: Type.Optional(Type.String()),
    subject: Type.Optional(Type.String()),
    body: Type.String(),
    template: Type.Optional(Type.String()),
    createdAt: Type.String(),
    ruleId: Type.Optional(Type.String()),
    idempotencyKey: Type.String(),
    attempts: Type.Optional(Type.Integer()),
    maxAttempts: Type.Optional(Type.Integer()),
    nextAttemptAt: Type.Optional(Type.String()),
    lastError: Type.Optional(Type.String()),
    /** `lastError` as a code and parameters: screens say it in the reader's language. */
    lastErrorCode: Type.Optional(Type.Union(DELIVERY_ERROR_CODES.map((c) => Type.Literal(c)))),
    lastErrorParams: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
    ),
    response: Type.Optional(
      Type.Object({ status: Type.Optional(Type.Integer()), excerpt: Type.Optional(Type.String()) }),
    ),
    deliveredAt: Type.Optional(Type.String()),
    documentId: Type.Optional(Type.String()),
    /** Who produced it, in the admin's words: the record's model and the robot's name. */
    modelId: Type.Optional(Type.String()),
    modelName: Type.Optional(Type.String()),
    ruleName: Type.Optional(Type.String()),
    /** The record's title field, when it has one. */
    recordTitle: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export const OutboxQuery = Type.Object(
  {
    status: Type.Optional(Type.Union(DELIVERY_STATUSES.map((s) => Type.Literal(s)))),
    kind: Type.Optional(Type.Union(OUTBOX_KINDS.map((k) => Type.Literal(k)))),
    recordId: Type.Optional(Id),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
);

export const DocumentMeta = Type.Object({
  id: Type.String(),
  recordId: Type.String(),
  template: Type.String(),
  register: Type.String(),
  title: Type.String(),
  mediaType: Type.Literal('text/html'),
  size: Type.Integer({ description: 'Characters of content' }),
  createdAt: Type.String(),
  ruleId: Type.Optional(Type.String()),
  /** The record's title (lists only), shown instead of its id. */
  recordTitle: Type.Optional(Type.String()),
});

export const DocumentQuery = Type.Object(
  {
    register: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    recordId: Type.Optional(Id),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
);

export const HookInfo = Type.Object({
  triggerId: Type.String(),
  ruleId: Type.String(),
  entity: EntityType,
  pipeline: Type.String(),
  stage: Type.String(),
  /** `POST` here fires the trigger; the token in it is the secret. */
  path: Type.String(),
  createdAt: Type.String(),
  /** The names the admin typed in the published model (each falls back to its key). */
  modelName: Type.String(),
  triggerName: Type.String(),
  pipelineName: Type.String(),
  stageName: Type.String(),
});

export const HookFireBody = Type.Object(
  {
    entity: EntityType,
    recordId: Id,
    payload: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);

export const HookFireResult = Type.Object({
  eventId: Type.String(),
  /** Whether the trigger moved the record (its condition may say no). */
  fired: Type.Boolean(),
  record: RecordBody,
});
