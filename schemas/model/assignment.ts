import { Type, type Static } from '@sinclair/typebox';
import { JsonLogic, Key } from './common.js';

/** A specific user. */
export const AssignUser = Type.Object(
  { kind: Type.Literal('user'), user: Key },
  { additionalProperties: false },
);
/** In turn over a queue (round robin); the position is kept by the runtime. */
export const AssignQueue = Type.Object(
  { kind: Type.Literal('queue'), queue: Key },
  { additionalProperties: false },
);
/** A random user among the listed ones, or among a department's members. */
export const AssignRandom = Type.Object(
  {
    kind: Type.Literal('random'),
    users: Type.Optional(Type.Array(Key, { maxItems: 500 })),
    department: Type.Optional(Key),
  },
  { additionalProperties: false },
);

export const SimpleAssignTarget = Type.Union([AssignUser, AssignQueue, AssignRandom]);
export type SimpleAssignTarget = Static<typeof SimpleAssignTarget>;

export const AssignRule = Type.Object(
  { condition: JsonLogic, target: SimpleAssignTarget },
  { additionalProperties: false },
);
export type AssignRule = Static<typeof AssignRule>;

/** First matching row wins: "amount > 1,000,000 -> Sidorov, product A -> Ivanov, otherwise the queue". */
export const AssignRules = Type.Object(
  {
    kind: Type.Literal('rules'),
    rules: Type.Array(AssignRule, { minItems: 1, maxItems: 200 }),
    otherwise: Type.Optional(SimpleAssignTarget),
  },
  { additionalProperties: false },
);

export const AssignTarget = Type.Union([AssignUser, AssignQueue, AssignRandom, AssignRules]);
export type AssignTarget = Static<typeof AssignTarget>;

/** Who receives a notification, a task or an email. */
export const PersonRef = Type.Union([
  Type.Object({ kind: Type.Literal('responsible') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('manager') }, { additionalProperties: false }),
  Type.Object({ kind: Type.Literal('user'), user: Key }, { additionalProperties: false }),
  Type.Object(
    { kind: Type.Literal('department'), department: Key },
    { additionalProperties: false },
  ),
]);
export type PersonRef = Static<typeof PersonRef>;
