import { Type, type Static } from '@sinclair/typebox';
import { Key, TemplateText, literalUnion } from './common.js';

export const TEMPLATE_KINDS = ['email', 'message', 'document'] as const;

/** A Liquid template: safe (no code execution), placeholders like {{ record.amount }}. */
export const Template = Type.Object(
  {
    key: Key,
    kind: literalUnion(TEMPLATE_KINDS),
    name: Type.String({ minLength: 1, maxLength: 200 }),
    subject: Type.Optional(TemplateText),
    body: TemplateText,
  },
  { additionalProperties: false },
);
export type Template = Static<typeof Template>;
