import { Type, type Static } from '@sinclair/typebox';
import { JsonLogic, Key, literalUnion } from './common.js';
import { Action } from './actions.js';
import { ON_ANCHOR_CHANGE, ON_LEAVE_STAGE, Timing } from './timing.js';

/** An action attached to a stage, run when a record enters it. */
export const Robot = Type.Object(
  {
    id: Key,
    name: Type.Optional(Type.String({ maxLength: 200 })),
    /** JSON-Logic over the record; absent means always. */
    condition: Type.Optional(JsonLogic),
    timing: Timing,
    /** What happens to a pending delayed run when the record leaves the stage (default cancel). */
    onLeaveStage: Type.Optional(literalUnion(ON_LEAVE_STAGE)),
    /** What happens when the anchor date field changes (default replan). */
    onAnchorChange: Type.Optional(literalUnion(ON_ANCHOR_CHANGE)),
    action: Action,
  },
  { additionalProperties: false },
);
export type Robot = Static<typeof Robot>;
