import { Type, type Static } from '@sinclair/typebox';
import { Diagnostic } from '../diagnostics.js';
import { EntityType, Key } from '../model/common.js';
import { Department, Queue, User } from '../model/directory.js';
import type { AutomationModel } from '../model/model.js';
import { PageQueryProperties } from './page-schemas.js';
import { ExistingRecordsChoice, PublishEffects } from './publish-preview-schemas.js';

/**
 * Request and response bodies of the runtime's HTTP API: they validate requests, make
 * the OpenAPI document, and type the designer's API client (`Static<>` of each).
 */
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

export const Health = Type.Object({
  status: Type.Literal('ok'),
  /** The embedded store's size; `warning` past the size it is made for (use PostgreSQL). */
  details: Type.Optional(
    Type.Object({
      store: Type.Object({
        records: Type.Integer(),
        timelineEntries: Type.Integer(),
        warning: Type.Optional(Type.String()),
      }),
    }),
  ),
});

/** `GET /api/ready`: 200 when every check holds, 503 with the reasons otherwise. */
export const Readiness = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready')]),
  /** Each check by name (`store`, `timers`, `shutdown`; a database adds its own): `ok` or why not. */
  checks: Type.Record(Type.String(), Type.String()),
  reasons: Type.Optional(Type.Array(Type.String())),
});

export const DirectoryBody = Type.Object({
  users: Type.Array(User),
  departments: Type.Array(Department),
  queues: Type.Array(Queue),
});
export const DIRECTORY_ENTRY = { users: User, departments: Department, queues: Queue } as const;

/**
 * A model document. Requests are judged by the analyzer (422 with diagnostics), so the
 * route schema accepts any object; its type, and the OpenAPI document, are the model's.
 */
export const ModelDocument = Type.Unsafe<AutomationModel>(
  Type.Object(
    {},
    { additionalProperties: true, description: 'An automation model (model.schema.json)' },
  ),
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
export const DraftDiscarded = Type.Object({ model: ModelDocument });
export const PublishBody = Type.Object(
  {
    note: Type.Optional(Type.String({ maxLength: 2000 })),
    existingRecords: Type.Optional(ExistingRecordsChoice),
  },
  { additionalProperties: false },
);
/**
 * 201 with a new version; 200 with `unchanged: true` and the existing version when
 * the draft (or the rollback target) is identical to the latest published version.
 */
export const PublishResult = Type.Object({
  version: Type.Integer(),
  diagnostics: Type.Array(Diagnostic),
  unchanged: Type.Boolean(),
  /** What the new version did to pending timers and records in place (absent: unchanged). */
  effects: Type.Optional(PublishEffects),
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
  revision: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'Bumped by every change; the ETag. Send it back as If-Match to update safely',
    }),
  ),
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
const KeyList = (what: string) =>
  Type.String({
    pattern: '^[a-z][a-z0-9_-]{0,63}(,[a-z][a-z0-9_-]{0,63}){0,99}$',
    description: `${what}: one key, or several separated by commas (any of them)`,
  });
const Amount = (what: string) =>
  Type.String({ pattern: '^-?[0-9]{1,15}(\\.[0-9]{1,6})?$', description: what });

/** The record list's filters (the list adds sort and paging; the count takes these alone). */
const RecordFilterProperties = {
  model: Type.Optional(Key),
  pipeline: Type.Optional(Key),
  stage: Type.Optional(KeyList('Stage')),
  responsible: Type.Optional(KeyList('Responsible user')),
  updatedSince: Type.Optional(
    Type.String({ format: 'date-time', description: 'Changed at or after (ISO 8601)' }),
  ),
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Text in the title' })),
  amountMin: Type.Optional(Amount('Amount at least')),
  amountMax: Type.Optional(Amount('Amount at most')),
};

export const RecordQuery = Type.Object(
  {
    ...RecordFilterProperties,
    sort: Type.Optional(
      Type.Union([Type.Literal('createdAt'), Type.Literal('updatedAt')], {
        description: 'Order by (default createdAt), ties by id',
      }),
    ),
    order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
    ...PageQueryProperties,
  },
  { additionalProperties: false },
);
export type RecordQuery = Static<typeof RecordQuery>;

export const RecordCountQuery = Type.Object(RecordFilterProperties, {
  additionalProperties: false,
});
export type RecordCountQuery = Static<typeof RecordCountQuery>;
export const RecordCount = Type.Object(
  { count: Type.Integer({ minimum: 0, description: 'Records matching the filters' }) },
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
export const AnyItem = Type.Object({}, { additionalProperties: true });
export const AnyList = Type.Array(AnyItem);
export const AnyObject = Type.Object({}, { additionalProperties: true });

// Types of the bodies, for the designer's API client and the runtime's handlers.
export type DraftDiscarded = Static<typeof DraftDiscarded>;
export type DirectoryBody = Static<typeof DirectoryBody>;
export type ErrorBody = Static<typeof ErrorBody>;
export type ModelDetail = Static<typeof ModelDetail>;
export type ModelSummary = Static<typeof ModelSummary>;
export type ModelWithDiagnostics = Static<typeof ModelWithDiagnostics>;
export type PublishResult = Static<typeof PublishResult>;
export type RecordBody = Static<typeof RecordBody>;
export type VersionDetail = Static<typeof VersionDetail>;
export type VersionSummary = Static<typeof VersionSummary>;
