import { Type, type Static } from '@sinclair/typebox';
import { EntityType, FieldKey, Key, literalUnion } from './common.js';
import { Robot } from './robots.js';
import { Trigger } from './triggers.js';

export const STAGE_KINDS = ['in_progress', 'success', 'failure'] as const;
export const StageKind = literalUnion(STAGE_KINDS);
export type StageKind = Static<typeof StageKind>;

export const Stage = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: StageKind,
    /**
     * Moved by people: records get here by a manager's move, not by automation, so the
     * analyzer does not report it as unreachable (and counts it as a starting point).
     */
    manual: Type.Optional(Type.Boolean()),
    /** Fields that must be filled before a record may enter this stage. */
    requiredFields: Type.Optional(Type.Array(FieldKey, { maxItems: 100 })),
    /** Actions run when a record enters the stage, in this order. */
    robots: Type.Array(Robot, { maxItems: 500 }),
    /** Events that move a record into this stage. */
    triggers: Type.Array(Trigger, { maxItems: 500 }),
  },
  { additionalProperties: false },
);
export type Stage = Static<typeof Stage>;

export const Pipeline = Type.Object(
  {
    key: Key,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    entity: EntityType,
    stages: Type.Array(Stage, { minItems: 1, maxItems: 100 }),
  },
  { additionalProperties: false },
);
export type Pipeline = Static<typeof Pipeline>;
