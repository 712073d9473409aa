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
};
const DOC: DocumentView = {
  id: 'doc_1',
  recordId: 'deal_42',
  register: 'invoices',
  title: 'Invoice 42',
  createdAt: '2026-03-02T09:02:00.000Z',
};

/** An in-memory runtime for the outside-world screen: replay, drop and regenerate work. */
export function createFakeOutsideApi(options: { empty?: boolean } = {}): OutsideApi {
  let dead = options.empty ? [] : [DEAD];
  const outbox = options.empty ? [] : [DEAD, SENT];
  let n = 0;
  let hook: HookView = {
    triggerId: 'payment_hook',
    ruleId: 'trigger:payment_hook',
    pipeline: 'sales',
    stage: 'paid',
    path: '/api/hooks/Zm9yLXN0b3JpZXMtb25seS0wMDAwMDAwMA',
    createdAt: '2026-03-01T10:00:00.000Z',
  };
  const page = <T>(items: T[]) => Promise.resolve({ items, nextCursor: null });
  return {
    outbox: () => page(outbox),
    deadLetters: () => page(dead),
    replay: (id) => {
      dead = dead.filter((d) => d.id !== id);
      return Promise.resolve({ ...DEAD, status: 'pending' });
    },
    drop: (id) => {
      dead = dead.filter((d) => d.id !== id);
      return Promise.resolve(DEAD);
    },
    models: () =>
      page([{ id: 'outside', name: 'Orders and payments', updatedAt: '', publishedVersion: 2 }]),
    hooks: () => Promise.resolve(options.empty ? [] : [hook]),
    regenerate: () => {
      n += 1;
      hook = { ...hook, path: `/api/hooks/regenerated-for-stories-${String(n).padStart(10, '0')}` };
      return Promise.resolve(hook);
    },
    documents: () => page(options.empty ? [] : [DOC]),
    documentUrl: (id) => `/api/documents/${id}/content`,
  };
}
