import { Type, type Static } from '@sinclair/typebox';

/** An entry of `GET /api/examples`. */
export const ExampleSummary = Type.Object({
  slug: Type.String(),
  name: Type.String(),
  scenario: Type.Optional(Type.Integer({ description: 'Scenario number in SCENARIOS.md' })),
  description: Type.Object({ en: Type.String(), ru: Type.String() }),
});
export type ExampleSummary = Static<typeof ExampleSummary>;
