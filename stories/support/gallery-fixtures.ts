import type { AutomationModel } from '../../schemas/index.js';
import type { ExampleSummary } from '../../designer/src/api/extra-api.js';
import callCenter from '../../examples/call-center/meta.json';
import dealDistribution from '../../examples/deal-distribution/meta.json';
import documentFlow from '../../examples/document-flow/meta.json';
import leads from '../../examples/leads/meta.json';
import messageTemplates from '../../examples/message-templates/meta.json';
import reactionTime from '../../examples/reaction-time-control/meta.json';
import repeatSales from '../../examples/repeat-sales/meta.json';
import handoff from '../../examples/sales-logistics-handoff/meta.json';
import subscriptions from '../../examples/subscriptions/meta.json';
import { DOCUMENT_FLOW, HANDOFF, LEADS, SUBSCRIPTIONS } from './fixtures.js';
import { MESSAGE_TEMPLATES, REACTION_TIME } from './simulation-fixtures.js';

/** One gallery entry: what `GET /api/examples` lists and what a copy starts from. */
export interface GalleryExample {
  readonly summary: ExampleSummary;
  /** Absent for examples whose model the stories do not load (copying one answers 404). */
  readonly model?: AutomationModel;
}

type Meta = Pick<ExampleSummary, 'scenario' | 'description'>;

const entry = (slug: string, name: string, meta: Meta, model?: AutomationModel) => ({
  summary: { slug, name: model?.name ?? name, ...meta },
  ...(model ? { model } : {}),
});

/**
 * The nine examples with their `meta.json` (scenario number, a sentence in English and
 * Russian), in scenario order as the runtime lists them.
 */
export const GALLERY: readonly GalleryExample[] = [
  entry('leads', 'Leads', leads, LEADS),
  entry('sales-logistics-handoff', 'Handoff', handoff, HANDOFF),
  entry('subscriptions', 'Subscriptions', subscriptions, SUBSCRIPTIONS),
  entry('reaction-time-control', 'Reaction time', reactionTime, REACTION_TIME),
  entry('deal-distribution', 'Distribution by amount and product', dealDistribution),
  entry('call-center', 'Call-center pipeline', callCenter),
  entry('repeat-sales', 'Repeat sales after equipment', repeatSales),
  entry('message-templates', 'Message templates', messageTemplates, MESSAGE_TEMPLATES),
  entry('document-flow', 'Document flow', documentFlow, DOCUMENT_FLOW),
].sort((a, b) => (a.summary.scenario ?? 99) - (b.summary.scenario ?? 99));
