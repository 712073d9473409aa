import { Type, type Static } from '@sinclair/typebox';
import { Duration, EntityType, FieldKey, JsonLogic, Key, literalUnion } from '../model/common.js';
import { Action } from '../model/actions.js';
import { Timing, ON_ANCHOR_CHANGE, ON_LEAVE_STAGE } from '../model/timing.js';
import { FieldType } from '../model/fields.js';
import { StageKind } from '../model/pipelines.js';
import { Directory } from '../model/directory.js';
import { Template } from '../model/templates.js';
import { Calendar } from '../model/calendars.js';
import { DuplicateControl } from '../model/duplicates.js';
import { LoopGuard } from '../model/settings.js';

export const RULESET_SCHEMA_VERSION = 1;

export const RULE_EVENTS = [
  'stage_entered',
  'field_changed',
  'responsible_changed',
  'incoming_message',
  'incoming_email',
  'payment_received',
  'form_submitted',
  'incoming_call',
  'missed_call',
  'inbound_webhook',
  'linked_record_stage',
  'date_reached',
  'task_completed',
  'duplicate_found',
] as const;
export const RuleEvent = literalUnion(RULE_EVENTS);
export type RuleEvent = Static<typeof RuleEvent>;

/** Event-specific parameters a trigger matches on (field, channel, form, linked stage, date). */
export const RuleMatch = Type.Object(
  {
    field: Type.Optional(FieldKey),
    channel: Type.Optional(Key),
    form: Type.Optional(Key),
    entity: Type.Optional(EntityType),
    pipeline: Type.Optional(Key),
    stage: Type.Optional(Key),
    direction: Type.Optional(Type.Union([Type.Literal('before'), Type.Literal('after')])),
    offset: Type.Optional(Duration),
  },
  { additionalProperties: false },
);
export type RuleMatch = Static<typeof RuleMatch>;

export const Rule = Type.Object(
  {
    /** `robot:<id>` or `trigger:<id>`: unique within the rule set. */
    id: Type.String({ minLength: 1 }),
    source: Type.Object(
      {
        kind: Type.Union([Type.Literal('robot'), Type.Literal('trigger')]),
        id: Key,
        pipeline: Key,
        stage: Key,
        /** Position among the stage's robots or triggers. */
        index: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
    entity: EntityType,
    event: RuleEvent,
    /** For robots the stage entered; for triggers the stage the record is moved into. */
    pipeline: Key,
    stage: Key,
    match: Type.Optional(RuleMatch),
    condition: JsonLogic,
    timing: Type.Optional(Timing),
    onLeaveStage: Type.Optional(literalUnion(ON_LEAVE_STAGE)),
    onAnchorChange: Type.Optional(literalUnion(ON_ANCHOR_CHANGE)),
    allowBackwards: Type.Optional(Type.Boolean()),
    actions: Type.Array(Action, { minItems: 1 }),
  },
  { additionalProperties: false },
);
export type Rule = Static<typeof Rule>;

export const RuleSetField = Type.Object(
  {
    key: FieldKey,
    type: FieldType,
    required: Type.Optional(Type.Boolean()),
    multiple: Type.Optional(Type.Boolean()),
    options: Type.Optional(Type.Array(Key)),
    linkEntity: Type.Optional(EntityType),
  },
  { additionalProperties: false },
);

/**
 * The admin's name beside the key, for every text a person reads (timeline, CLI,
 * `{{ record.stageName }}`). Absent only in rule sets compiled before names were
 * kept; readers then show the key.
 */
const DisplayName = Type.Optional(Type.String({ minLength: 1, maxLength: 200 }));

export const RuleSetPipeline = Type.Object(
  {
    key: Key,
    name: DisplayName,
    entity: EntityType,
    stages: Type.Array(
      Type.Object(
        {
          key: Key,
          name: DisplayName,
          kind: StageKind,
          requiredFields: Type.Optional(Type.Array(FieldKey)),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type RuleSetPipeline = Static<typeof RuleSetPipeline>;

/** What a runtime executes: everything it needs, without the model. */
export const RuleSet = Type.Object(
  {
    schemaVersion: Type.Literal(RULESET_SCHEMA_VERSION),
    kind: Type.Literal('conveyor.ruleset'),
    model: Type.Object({ id: Key, name: Type.String() }, { additionalProperties: false }),
    fields: Type.Object(
      {
        lead: Type.Array(RuleSetField),
        deal: Type.Array(RuleSetField),
        contact: Type.Array(RuleSetField),
        company: Type.Array(RuleSetField),
      },
      { additionalProperties: false },
    ),
    pipelines: Type.Array(RuleSetPipeline),
    directory: Directory,
    templates: Type.Array(Template),
    calendars: Type.Array(Calendar),
    defaultCalendar: Type.Optional(Key),
    /** The model's loop guard limits; absent (or a limit absent) means the runtime's defaults. */
    loopGuard: Type.Optional(LoopGuard),
    /** Duplicate control by entity type; present only when the model declares some. */
    duplicates: Type.Optional(
      Type.Object(
        {
          lead: Type.Optional(DuplicateControl),
          deal: Type.Optional(DuplicateControl),
          contact: Type.Optional(DuplicateControl),
          company: Type.Optional(DuplicateControl),
        },
        { additionalProperties: false },
      ),
    ),
    rules: Type.Array(Rule),
  },
  {
    additionalProperties: false,
    $id: 'https://conveyor.dev/schemas/ruleset.schema.json',
    title: 'Conveyor rule set',
  },
);
export type RuleSet = Static<typeof RuleSet>;
