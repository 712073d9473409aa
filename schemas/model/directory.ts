import { Type, type Static } from '@sinclair/typebox';
import { Key } from './common.js';

export const User = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    department: Type.Optional(Key),
    /** Overrides the department's manager. */
    manager: Type.Optional(Key),
    active: Type.Optional(Type.Boolean()),
    absent: Type.Optional(Type.Boolean()),
    calendar: Type.Optional(Key),
  },
  { additionalProperties: false },
);
export type User = Static<typeof User>;

export const Department = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    manager: Type.Optional(Key),
    parent: Type.Optional(Key),
  },
  { additionalProperties: false },
);
export type Department = Static<typeof Department>;

export const Queue = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    users: Type.Array(Key, { minItems: 1, maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type Queue = Static<typeof Queue>;

/** Users, departments and queues; the model carries the ones it references. */
export const Directory = Type.Object(
  {
    users: Type.Array(User, { maxItems: 10_000 }),
    departments: Type.Array(Department, { maxItems: 1000 }),
    queues: Type.Array(Queue, { maxItems: 1000 }),
  },
  { additionalProperties: false },
);
export type Directory = Static<typeof Directory>;
