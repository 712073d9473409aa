import type { LiquidLimits } from '../../schemas/index.js';

/** What a rendered text becomes; each has its own output cap. */
export const TEMPLATE_OUTPUT_KINDS = [
  'title',
  'task',
  'comment',
  'notification',
  'message',
  'email',
  'webhook',
  'document',
] as const;
export type TemplateOutputKind = (typeof TEMPLATE_OUTPUT_KINDS)[number];

/** How far one render may go: liquidjs's limits and the longest text per kind. */
export interface TemplateLimits extends LiquidLimits {
  /** Characters one rendered text of each kind may have. */
  readonly maxChars: Readonly<Record<TemplateOutputKind, number>>;
}

/**
 * Defaults (runtime/README.md, "Templates"): no template a CRM needs comes near them,
 * and each stops a hostile one within half a second of one core.
 */
export const DEFAULT_TEMPLATE_LIMITS: TemplateLimits = {
  // The model schema's TemplateText maxLength: every valid template parses.
  parseLimit: 20_000,
  renderLimit: 500,
  memoryLimit: 5_000_000,
  maxChars: {
    title: 2_000,
    task: 10_000,
    comment: 10_000,
    notification: 10_000,
    message: 10_000,
    email: 200_000,
    webhook: 200_000,
    document: 2_000_000,
  },
};
