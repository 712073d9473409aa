import { Type, type Static } from '@sinclair/typebox';

/**
 * The permission matrix's shapes (issue 12): a role's rights (`RolePermissions` in
 * `runtime/domain/security-types.ts`), custom roles and their list.
 */
const Scope = Type.Union(
  [Type.Literal('none'), Type.Literal('own'), Type.Literal('department'), Type.Literal('all')],
  {
    description:
      'own: records whose responsible is the caller; department: with its sub-departments',
  },
);
const StageKey = Type.String({ minLength: 1, maxLength: 100 });
export const EntityPermissions = Type.Object(
  {
    read: Scope,
    create: Scope,
    update: Scope,
    delete: Scope,
    export: Scope,
    import: Scope,
    stages: Type.Optional(
      Type.Record(
        Type.String({ pattern: '^[A-Za-z0-9_-]{1,100}$' }),
        Type.Array(StageKey, { maxItems: 200, uniqueItems: true }),
        {
          description:
            'Stage limits by pipeline key: the stages the role sees and may move records into (absent: every stage)',
          maxProperties: 100,
        },
      ),
    ),
  },
  { additionalProperties: false },
);
const Level = <T extends string>(...levels: T[]) => Type.Union(levels.map((l) => Type.Literal(l)));

export const RolePermissions = Type.Object(
  {
    entities: Type.Object(
      {
        lead: Type.Optional(EntityPermissions),
        deal: Type.Optional(EntityPermissions),
        contact: Type.Optional(EntityPermissions),
        company: Type.Optional(EntityPermissions),
      },
      { additionalProperties: false },
    ),
    automations: Type.Object(
      {
        view: Type.Boolean(),
        editDrafts: Type.Boolean(),
        simulate: Type.Boolean(),
        publish: Type.Boolean(),
        rollBack: Type.Boolean(),
      },
      { additionalProperties: false },
    ),
    directory: Level('none', 'view', 'manage'),
    roles: Level('none', 'view', 'manage'),
    accounts: Level('none', 'view', 'manage'),
    tokens: Level('none', 'own', 'manage'),
    settings: Level('none', 'view', 'manage'),
    audit: Level('none', 'view', 'export'),
    recycleBin: Level('none', 'view', 'restore', 'purge'),
    hookSecrets: Type.Boolean({ description: 'Inbound hook addresses and their secrets' }),
  },
  { additionalProperties: false },
);
export type RolePermissionsBody = Static<typeof RolePermissions>;

const RoleName = Type.String({ minLength: 1, maxLength: 200 });
export const CustomRoleKey = Type.String({
  pattern: '^[a-z][a-z0-9_-]{0,63}$',
  description: 'A custom role key (not one of the built-in keys)',
});

export const RoleView = Type.Object({
  key: Type.String(),
  name: Type.String(),
  builtIn: Type.Boolean(),
  permissions: RolePermissions,
});
export const RoleList = Type.Object({ items: Type.Array(RoleView), nextCursor: Type.Null() });
export const RoleCreateBody = Type.Object(
  { key: CustomRoleKey, name: RoleName, permissions: RolePermissions },
  { additionalProperties: false },
);
export const RoleUpdateBody = Type.Object(
  { name: RoleName, permissions: RolePermissions },
  { additionalProperties: false },
);
