import { Type } from '@sinclair/typebox';
import { Department, Diagnostic, EntityType, Key, Queue, User } from '../../../schemas/index.js';

/** Request and response bodies: they validate requests and generate the OpenAPI document. */
const Id = Type.String({ minLength: 1, maxLength: 200 });
const Fields = Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), {
  description: 'Flat fields: standard and custom, by key',
});

export const ErrorBody = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    diagnostics: Type.Optional(Type.Array(Diagnostic)),
    /** 412 on a stale draft: who changed it, when, and its current ETag. */
    updatedAt: Type.Optional(Type.String()),
    updatedBy: Type.Optional(Type.String()),
    etag: Type.Optional(Type.String()),
  }),
});

export const Health = Type.Object({ status: Type.Literal('ok') });

export const DirectoryBody = Type.Object({
  users: Type.Array(User),
  departments: Type.Array(Department),
  queues: Type.Array(Queue),
});
export const DIRECTORY_ENTRY = { users: User, departments: Department, queues: Queue } as const;

/** A model document; its shape is judged by the analyzer (422 with diagnostics). */
export const ModelDocument = Type.Object(
  {},
  { additionalProperties: true, description: 'An automation model (model.schema.json)' },
);
export const ModelWithDiagnostics = Type.Object({
  model: ModelDocument,
  diagnostics: Type.Array(Diagnostic),
});
export const ModelSummary = Type.Object({
  id: Key,
  name: Type.String(),
  updatedAt: Type.String(),
  publishedVersion: Type.Optional(Type.Integer()),
});
export const ModelDetail = Type.Object({
  model: ModelDocument,
  diagnostics: Type.Array(Diagnostic),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
  publishedVersion: Type.Optional(Type.Integer()),
});
export const PublishBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export const PublishResult = Type.Object({
  version: Type.Integer(),
  diagnostics: Type.Array(Diagnostic),
});
export const RollbackBody = Type.Object(
  { version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);
export const VersionSummary = Type.Object({
  version: Type.Integer(),
  note: Type.Union([Type.String(), Type.Null()]),
  publishedAt: Type.String(),
  publishedBy: Type.String(),
});
export const VersionDetail = Type.Object({
  version: Type.Integer(),
  note: Type.Optional(Type.String()),
  publishedAt: Type.String(),
  publishedBy: Type.String(),
  model: ModelDocument,
  ruleSet: Type.Object({}, { additionalProperties: true }),
});

export const RecordBody = Type.Object({
  id: Id,
  entity: EntityType,
  model: Type.Optional(Key),
  pipeline: Type.Optional(Key),
  stage: Type.Optional(Key),
  fields: Fields,
  links: Type.Array(Type.Object({ entity: EntityType, id: Id })),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  stageEnteredAt: Type.Optional(Type.String()),
});
export const RecordCreateBody = Type.Object(
  {
    model: Type.Optional(Key),
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    fields: Fields,
  },
  { additionalProperties: false },
);
export const RecordPatchBody = Type.Object({ fields: Fields }, { additionalProperties: false });
export const MoveBody = Type.Object(
  { stage: Key, pipeline: Type.Optional(Key) },
  { additionalProperties: false },
);
export const LinkBody = Type.Object(
  { entity: EntityType, id: Id },
  { additionalProperties: false },
);
export const RecordQuery = Type.Object(
  { pipeline: Type.Optional(Key), stage: Type.Optional(Key), responsible: Type.Optional(Key) },
  { additionalProperties: false },
);

export const EXTERNAL_EVENTS = [
  'incoming_message',
  'incoming_email',
  'payment_received',
  'incoming_call',
  'missed_call',
  'form_submitted',
  'generic',
] as const;
export const EventBody = Type.Object(
  {
    kind: Type.Union(EXTERNAL_EVENTS.map((k) => Type.Literal(k))),
    entity: EntityType,
    recordId: Id,
    payload: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  },
  { additionalProperties: false },
);
export const EventResult = Type.Object({ eventId: Type.String(), record: RecordBody });
export const AnyList = Type.Array(Type.Object({}, { additionalProperties: true }));
export const AnyObject = Type.Object({}, { additionalProperties: true });
