import type {
  DocumentView,
  HookView,
  OutboxView,
  OutsideApi,
} from '../../designer/src/outside/outside-api.js';

const DEAD: OutboxView = {
  id: 'out_7',
  recordId: 'deal_42',
  kind: 'webhook',
  status: 'dead',
  to: 'https://erp.example.com/orders',
  attempts: 1,
  lastError: 'HTTP 400',
  response: { status: 400, excerpt: 'amount is not a number' },
  createdAt: '2026-03-02T09:00:00.000Z',
  ruleId: 'robot:erp_sync',
  modelId: 'outside',
  modelName: 'Orders and payments',
  ruleName: 'Sync to ERP',
  recordTitle: 'Order 42',
};
const SENT: OutboxView = {
  id: 'out_8',
  recordId: 'deal_42',
  kind: 'send_email',
  status: 'sent',
  to: 'client@example.com',
  subject: 'Your order',
  attempts: 1,
  createdAt: '2026-03-02T09:01:00.000Z',
  ruleId: 'robot:receipt_mail',
  modelId: 'outside',
  modelName: 'Orders and payments',
  ruleName: 'Receipt to the client',
  recordTitle: 'Order 42',
};
const DOC: DocumentView = {
  id: 'doc_1',
  recordId: 'deal_42',
  register: 'invoices',
  title: 'Invoice 42',
  createdAt: '2026-03-02T09:02:00.000Z',
  recordTitle: 'Order 42',
};

/** `many` dead letters (`out_1`...): more than a page, to show paging. */
const manyDead = (n: number): OutboxView[] =>
  Array.from({ length: n }, (_, i) => ({ ...DEAD, id: `out_${i + 1}`, recordId: `deal_${i + 1}` }));
const PAGE = 100;

/**
 * An in-memory runtime for the outside-world screen: replay, drop and regenerate work;
 * lists come 100 a page with a cursor, as the runtime's do.
 */
export function createFakeOutsideApi(
  options: { empty?: boolean; manyDeadLetters?: number } = {},
): OutsideApi {
  let dead =
    options.manyDeadLetters !== undefined
      ? manyDead(options.manyDeadLetters)
      : options.empty
        ? []
        : [DEAD];
  const outbox = options.empty ? [] : [DEAD, SENT];
  let n = 0;
  let hook: HookView = {
    triggerId: 'payment_hook',
    ruleId: 'trigger:payment_hook',
    pipeline: 'sales',
    stage: 'paid',
    path: '/api/hooks/Zm9yLXN0b3JpZXMtb25seS0wMDAwMDAwMA',
    createdAt: '2026-03-01T10:00:00.000Z',
    modelName: 'Orders and payments',
    triggerName: 'Payment arrived',
    pipelineName: 'Sales',
    stageName: 'Paid',
  };
  const page = <T>(items: T[], cursor?: string) => {
    const from = cursor === undefined ? 0 : Number(cursor);
    const next = from + PAGE < items.length ? String(from + PAGE) : null;
    return Promise.resolve({ items: items.slice(from, from + PAGE), nextCursor: next });
  };
  return {
    outbox: (cursor) => page(outbox, cursor),
    deadLetters: (cursor) => page(dead, cursor),
    replay: (id) => {
      const found = dead.find((d) => d.id === id) ?? DEAD;
      dead = dead.filter((d) => d.id !== id);
      return Promise.resolve({ ...found, status: 'pending' });
    },
    drop: (id) => {
      const found = dead.find((d) => d.id === id) ?? DEAD;
      dead = dead.filter((d) => d.id !== id);
      return Promise.resolve(found);
    },
    models: () =>
      page([{ id: 'outside', name: 'Orders and payments', updatedAt: '', publishedVersion: 2 }]),
    hooks: () => Promise.resolve(options.empty ? [] : [hook]),
    regenerate: () => {
      n += 1;
      hook = { ...hook, path: `/api/hooks/regenerated-for-stories-${String(n).padStart(10, '0')}` };
      return Promise.resolve(hook);
    },
    documents: (cursor) => page(options.empty ? [] : [DOC], cursor),
    documentUrl: (id) => `/api/documents/${id}/content`,
  };
}
