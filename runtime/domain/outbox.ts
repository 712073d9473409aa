/**
 * `pending`: waiting for (another) attempt; `kept`: no adapter configured, stays in the
 * outbox; `sent`: delivered; `dead`: gave up (the dead-letter list, replayable);
 * `stored`: a generated document, nothing to deliver.
 */
export type DeliveryStatus = 'pending' | 'kept' | 'sent' | 'dead' | 'stored';

export const DELIVERY_STATUSES: readonly DeliveryStatus[] = [
  'pending',
  'kept',
  'sent',
  'dead',
  'stored',
];

/** A side effect waiting for (or done by) delivery: email, message, document, webhook. */
export interface OutboxDoc {
  id: string;
  recordId: string;
  kind: 'send_email' | 'send_message' | 'generate_document' | 'webhook';
  to?: string;
  channel?: string;
  subject?: string;
  body: string;
  template?: string;
  createdAt: string;
  ruleId?: string;
  idempotencyKey: string;
  /** Delivery state (runtime/delivery/): absent on items stored before delivery existed. */
  status?: DeliveryStatus;
  /** Webhooks: the request to make and its own limits. */
  method?: 'POST' | 'PUT' | 'PATCH' | 'GET';
  headers?: Record<string, string>;
  timeoutMs?: number;
  maxAttempts?: number;
  attempts?: number;
  nextAttemptAt?: string;
  lastError?: string;
  /** `lastError` as a code and parameters (absent on items failed before codes existed). */
  lastErrorCode?: string;
  lastErrorParams?: Record<string, string | number>;
  /** The last answer (webhooks: HTTP status and a bounded excerpt of the body). */
  response?: { status?: number; excerpt?: string };
  deliveredAt?: string;
  /** generate_document: the stored document. */
  documentId?: string;
}
