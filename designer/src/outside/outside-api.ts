import type { ModelSummary, PageOf } from '../../../schemas/api/index.js';
import { httpJson } from '../api/http-json.js';

/*
 * The fields these screens show. The routes' full schemas sit in runtime/http/schemas
 * (delivery-schemas.ts), which the designer may not import: keep these a subset of them.
 */
export interface OutboxView {
  id: string;
  recordId: string;
  kind: string;
  status?: string;
  to?: string;
  subject?: string;
  attempts?: number;
  lastError?: string;
  /** `lastError` as a code and parameters (`outside.errors.<code>`). */
  lastErrorCode?: string;
  lastErrorParams?: Record<string, string | number>;
  response?: { status?: number; excerpt?: string };
  createdAt: string;
  ruleId?: string;
  /** Who produced it, in the admin's words (the runtime adds these from the record's model). */
  modelId?: string;
  modelName?: string;
  ruleName?: string;
  recordTitle?: string;
}
export interface HookView {
  triggerId: string;
  ruleId: string;
  pipeline: string;
  stage: string;
  path: string;
  createdAt: string;
  /** The names the admin typed; the keys above go in a tooltip. */
  modelName: string;
  triggerName: string;
  pipelineName: string;
  stageName: string;
}
export interface DocumentView {
  id: string;
  recordId: string;
  register: string;
  title: string;
  createdAt: string;
  /** The record's title, when it has one (shown instead of its id). */
  recordTitle?: string;
}

/** Outbox, dead letters, inbound hook addresses and the documents register. */
export interface OutsideApi {
  /** A page of the outbox (`cursor`: the previous page's `nextCursor`). */
  outbox(cursor?: string): Promise<PageOf<OutboxView>>;
  deadLetters(cursor?: string): Promise<PageOf<OutboxView>>;
  replay(id: string): Promise<OutboxView>;
  drop(id: string): Promise<OutboxView>;
  models(): Promise<PageOf<ModelSummary>>;
  hooks(modelId: string): Promise<HookView[]>;
  regenerate(modelId: string, triggerId: string): Promise<HookView>;
  documents(cursor?: string): Promise<PageOf<DocumentView>>;
  /** Where a document downloads from (same origin: the session cookie goes along). */
  documentUrl(id: string): string;
}

const PAGE = 100;

/**
 * The HTTP implementation (docs/contracts.md: delivery, hooks, documents). Lists come
 * 100 items a page, oldest first; the next page from the previous one's `nextCursor`.
 *
 * @example await createOutsideApi().deadLetters();
 */
export function createOutsideApi(base = '/api', fetchImpl?: typeof fetch): OutsideApi {
  const call = httpJson(base, fetchImpl);
  const enc = encodeURIComponent;
  const paged = (path: string, cursor?: string) =>
    `${path}?limit=${PAGE}${cursor === undefined ? '' : `&cursor=${enc(cursor)}`}`;
  return {
    outbox: (cursor) => call('GET', paged('/outbox', cursor)),
    deadLetters: (cursor) => call('GET', paged('/dead-letters', cursor)),
    // POST must declare JSON (cross-site rule), so an empty object goes along.
    replay: (id) => call('POST', `/dead-letters/${enc(id)}/replay`, {}),
    drop: (id) => call('DELETE', `/dead-letters/${enc(id)}`),
    models: () => call('GET', '/models?limit=1000'),
    hooks: (id) => call('GET', `/models/${enc(id)}/hooks`),
    regenerate: (id, trigger) =>
      call('POST', `/models/${enc(id)}/hooks/${enc(trigger)}/regenerate`, {}),
    documents: (cursor) => call('GET', paged('/documents', cursor)),
    documentUrl: (id) => `${base}/documents/${enc(id)}/content`,
  };
}
