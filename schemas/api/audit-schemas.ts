import { Type, type Static } from '@sinclair/typebox';
import { EntityType } from '../model/common.js';
import { PageQueryProperties } from './page-schemas.js';

/**
 * The audit log and the recycle bin (issue 12): query strings and answers of
 * `GET /api/audit`, `GET /api/audit/export` and `GET /api/recycle-bin`.
 */
const Time = Type.String({ description: 'ISO 8601 time' });
/** An ISO 8601 time in a query string (checked again as a date by the route). */
const QueryTime = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2})?)?$',
  maxLength: 40,
  description: 'ISO 8601 date or time',
});
const Token = (description: string) =>
  Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_:./@-]+$', description });

/** Who acted, as `Actor` in `runtime/domain/actor.ts` (person, token, robot, system). */
export const ActorView = Type.Object({ kind: Type.String() }, { additionalProperties: true });

const AuditFilterProperties = {
  actor: Type.Optional(
    Token('Actor id: account id, token id, `<model>/<rule>` for a robot, or a system name'),
  ),
  entity: Type.Optional(EntityType),
  record: Type.Optional(Token('Record id')),
  kind: Type.Optional(Token('Entry kind (`record.deleted`, `auth.sign_in_failed`, ...)')),
  from: Type.Optional(QueryTime),
  to: Type.Optional(QueryTime),
};

export const AuditQuery = Type.Object(
  { ...AuditFilterProperties, ...PageQueryProperties },
  { additionalProperties: false },
);
export type AuditQuery = Static<typeof AuditQuery>;

export const AuditExportQuery = Type.Object(
  { ...AuditFilterProperties, format: Type.Literal('csv') },
  { additionalProperties: false },
);

export const AuditEntryView = Type.Object({
  id: Type.String(),
  at: Time,
  seq: Type.Integer(),
  actor: ActorView,
  address: Type.Optional(Type.String()),
  kind: Type.String(),
  entity: Type.Optional(EntityType),
  recordId: Type.Optional(Type.String()),
  target: Type.Optional(Type.String()),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  changes: Type.Optional(
    Type.Record(
      Type.String(),
      Type.Object({ before: Type.Optional(Type.Unknown()), after: Type.Optional(Type.Unknown()) }),
    ),
  ),
  detail: Type.Optional(Type.String({ description: 'In English; readers word `detailCode`' })),
  detailCode: Type.Optional(
    Type.String({ description: 'What `detail` says, as a code (`AUDIT_DETAIL_CODES`)' }),
  ),
  detailParams: Type.Optional(
    Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()])),
  ),
});
export type AuditEntryView = Static<typeof AuditEntryView>;

export const RecycleBinQuery = Type.Object(
  { entity: Type.Optional(EntityType), ...PageQueryProperties },
  { additionalProperties: false },
);

export const RecycleBinItem = Type.Object({
  key: Type.String(),
  entity: EntityType,
  recordId: Type.String(),
  title: Type.String(),
  deletedAt: Time,
  deletedBy: ActorView,
  purgeAfter: Time,
});
export type RecycleBinItem = Static<typeof RecycleBinItem>;
