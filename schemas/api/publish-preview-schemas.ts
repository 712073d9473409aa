import { Type, type Static } from '@sinclair/typebox';
import { Diagnostic } from '../diagnostics.js';

/** What publishing does for records already in the stages of new timed rules. */
export const EXISTING_RECORDS = ['new_only', 'include_existing'] as const;
export type ExistingRecords = (typeof EXISTING_RECORDS)[number];

export const ExistingRecordsChoice = Type.Unsafe<ExistingRecords>({
  type: 'string',
  enum: [...EXISTING_RECORDS],
  description:
    '`new_only` (default): new date triggers and delayed robots apply to records that enter from now on; `include_existing`: also plan them for records already in their pipeline or stage',
});

export const PublishQuery = Type.Object(
  {
    dryRun: Type.Optional(
      Type.Unsafe<'true' | 'false'>({
        type: 'string',
        enum: ['true', 'false'],
        description: '`true`: answer the preview of what publishing would do, publish nothing',
      }),
    ),
  },
  { additionalProperties: false },
);

/** Up to this many record ids (or timers) are listed beside each count. */
export const PREVIEW_SAMPLE = 5;

const RecordIds = Type.Array(Type.String(), { description: `Up to ${PREVIEW_SAMPLE} record ids` });

export const TimerSample = Type.Object({
  timerId: Type.String(),
  recordId: Type.String(),
  ruleId: Type.String(),
  dueAt: Type.String(),
  /** Cancelled: `rule_removed`, `stage_removed` (re-planned ones may be cancelled: `anchor_cleared`). */
  reason: Type.Optional(Type.String()),
  /** Re-planned: the new due time. */
  newDueAt: Type.Optional(Type.String()),
});
export type TimerSample = Static<typeof TimerSample>;

const Counted = Type.Object({ count: Type.Integer(), sample: Type.Array(TimerSample) });

export const StageImpact = Type.Object({
  pipeline: Type.String(),
  stage: Type.String(),
  name: Type.String(),
  change: Type.Unsafe<'removed' | 'changed'>({ type: 'string', enum: ['removed', 'changed'] }),
  records: Type.Integer(),
  sample: RecordIds,
});
export type StageImpact = Static<typeof StageImpact>;

export const NewRuleImpact = Type.Object({
  ruleId: Type.String(),
  ruleName: Type.String(),
  kind: Type.Unsafe<'date_trigger' | 'delayed_robot'>({
    type: 'string',
    enum: ['date_trigger', 'delayed_robot'],
  }),
  pipeline: Type.String(),
  stage: Type.String(),
  /** Records already there that it would plan a timer for (with `include_existing`). */
  records: Type.Integer(),
  sample: RecordIds,
});
export type NewRuleImpact = Static<typeof NewRuleImpact>;

/**
 * `POST /api/models/:id/publish?dryRun=true`: what publishing the draft would do to
 * work in progress; nothing is written.
 */
export const PublishPreview = Type.Object({
  modelId: Type.String(),
  /** The version live now (null: never published). */
  liveVersion: Type.Union([Type.Integer(), Type.Null()]),
  /** The draft equals the live version: publishing would make no version. */
  unchanged: Type.Boolean(),
  diagnostics: Type.Array(Diagnostic),
  timers: Type.Object({
    cancelled: Counted,
    replanned: Counted,
    kept: Type.Object({ count: Type.Integer() }),
  }),
  stages: Type.Array(StageImpact),
  newRules: Type.Array(NewRuleImpact),
});
export type PublishPreview = Static<typeof PublishPreview>;

/** What a real publish did to pending timers and records already in place. */
export const PublishEffects = Type.Object({
  cancelled: Type.Integer(),
  replanned: Type.Integer(),
  kept: Type.Integer(),
  /** Timers planned for records already in place (`include_existing`). */
  planned: Type.Integer(),
});
export type PublishEffects = Static<typeof PublishEffects>;
