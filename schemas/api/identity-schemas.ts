import { Type, type Static } from '@sinclair/typebox';
import { Key } from '../model/common.js';
import { RolePermissions } from './role-schemas.js';

/**
 * Bodies of sign-in, the owner's setup, sessions, API tokens and accounts (issue 12).
 * The designer types its client with them; the runtime validates with them.
 */
const Email = Type.String({ format: 'email', minLength: 3, maxLength: 320 });
/** Length is judged by the service (422 `WEAK_PASSWORD`), so the message says what is needed. */
const Password = Type.String({ minLength: 1, maxLength: 1024 });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const RoleKey = Type.String({
  pattern: '^[a-z][a-z0-9_-]{0,63}$',
  description:
    'A role key (owner, administrator, automation_editor, integrator, manager, viewer, or a custom role)',
});
const Time = Type.String({ description: 'ISO 8601 time' });

export const SetupStatus = Type.Object({ needed: Type.Boolean() });
export const SetupBody = Type.Object(
  {
    token: Type.String({
      minLength: 1,
      maxLength: 200,
      description: 'From the setup link the server printed',
    }),
    email: Email,
    password: Password,
    name: Name,
  },
  { additionalProperties: false },
);
export const SignInBody = Type.Object(
  { email: Type.String({ minLength: 1, maxLength: 320 }), password: Password },
  { additionalProperties: false },
);

export const AccountView = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.String(),
  userId: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
  language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ru')])),
  createdAt: Time,
  updatedAt: Time,
});
export type AccountView = Static<typeof AccountView>;
export const AccountAnswer = Type.Object({ account: AccountView });

export const MeAnswer = Type.Object({
  account: Type.Object({
    id: Type.String(),
    email: Type.String(),
    name: Type.String(),
    userId: Type.String(),
    role: Type.String(),
    language: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ru')])),
  }),
  /** Who the server records as acting: a person (cookie) or a token. */
  actor: Type.Object({ kind: Type.String() }, { additionalProperties: true }),
  /** What the caller may do: its role's rights (a token's within its creator's). */
  permissions: RolePermissions,
});
export type MeAnswer = Static<typeof MeAnswer>;

export const PasswordChangeBody = Type.Object(
  { currentPassword: Password, newPassword: Password },
  { additionalProperties: false },
);
export const PasswordResetBody = Type.Object(
  { newPassword: Password },
  { additionalProperties: false },
);

export const SessionView = Type.Object({
  id: Type.String({ description: 'A short handle (not the cookie)' }),
  createdAt: Time,
  lastSeenAt: Time,
  expiresAt: Time,
  address: Type.Optional(Type.String()),
  userAgent: Type.Optional(Type.String()),
  current: Type.Boolean(),
});
export const SessionList = Type.Object({
  items: Type.Array(SessionView),
  nextCursor: Type.Null(),
});

export const TokenCreateBody = Type.Object(
  { name: Name, role: RoleKey },
  { additionalProperties: false },
);
export const TokenView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.String(),
  createdBy: Type.String({ description: 'The creating account' }),
  createdAt: Time,
  lastUsedAt: Type.Optional(Time),
});
export type TokenView = Static<typeof TokenView>;
export const TokenCreated = Type.Intersect([
  TokenView,
  Type.Object({ token: Type.String({ description: 'Shown once: only its hash is kept' }) }),
]);
export const TokenList = Type.Object({ items: Type.Array(TokenView), nextCursor: Type.Null() });

export const AccountCreateBody = Type.Object(
  {
    email: Email,
    password: Password,
    name: Type.Optional(Name),
    userId: Type.Optional(Key),
    role: RoleKey,
  },
  { additionalProperties: false },
);
export const AccountPatchBody = Type.Object(
  {
    role: Type.Optional(RoleKey),
    active: Type.Optional(Type.Boolean()),
    name: Type.Optional(Name),
  },
  { additionalProperties: false, minProperties: 1 },
);
export const AccountList = Type.Object({ items: Type.Array(AccountView), nextCursor: Type.Null() });
