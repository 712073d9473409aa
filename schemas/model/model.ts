import { Type, type Static } from '@sinclair/typebox';
import { Key } from './common.js';
import { EntityDef } from './fields.js';
import { Pipeline } from './pipelines.js';
import { Directory } from './directory.js';
import { Template } from './templates.js';
import { Calendar } from './calendars.js';
import { SavedSimulation } from './saved-simulation.js';
import { ModelSettings } from './settings.js';

export const MODEL_SCHEMA_VERSION = 1;

export const Position = Type.Object(
  { x: Type.Number(), y: Type.Number() },
  { additionalProperties: false },
);

/** Canvas positions by node id; the compiler ignores it. */
export const Layout = Type.Object(
  { nodes: Type.Record(Type.String(), Position) },
  { additionalProperties: false },
);
export type Layout = Static<typeof Layout>;

/** The document an admin draws: the source of truth that the canvas shows. */
export const AutomationModel = Type.Object(
  {
    schemaVersion: Type.Literal(MODEL_SCHEMA_VERSION),
    id: Key,
    name: Type.String({ minLength: 1, maxLength: 200 }),
    description: Type.Optional(Type.String({ maxLength: 5000 })),
    entities: Type.Object(
      {
        lead: Type.Optional(EntityDef),
        deal: Type.Optional(EntityDef),
        contact: Type.Optional(EntityDef),
        company: Type.Optional(EntityDef),
      },
      { additionalProperties: false },
    ),
    pipelines: Type.Array(Pipeline, { maxItems: 100 }),
    directory: Type.Optional(Directory),
    templates: Type.Optional(Type.Array(Template, { maxItems: 1000 })),
    calendars: Type.Optional(Type.Array(Calendar, { maxItems: 100 })),
    defaultCalendar: Type.Optional(Key),
    /** Runtime settings (loop guard limits); absent means the defaults. */
    settings: Type.Optional(ModelSettings),
    layout: Type.Optional(Layout),
    /** Simulation scenarios saved with the model; not compiled, not diffed. */
    simulations: Type.Optional(Type.Array(SavedSimulation, { maxItems: 100 })),
  },
  {
    additionalProperties: false,
    $id: 'https://conveyor.dev/schemas/model.schema.json',
    title: 'Conveyor automation model',
  },
);
export type AutomationModel = Static<typeof AutomationModel>;
