/**
 * The outside world as the dispatcher sees it. Each port is optional: an item whose
 * port is missing stays in the outbox (`kept`), which is how the simulation and tests
 * without adapters keep everything inside.
 */

/** What one delivery attempt came to. `retry` says whether another attempt may help. */
export type DeliveryResult =
  | { ok: true; status?: number; excerpt?: string; info?: string }
  | {
      ok: false;
      retry: boolean;
      error: string;
      /** The error as a code and parameters, so screens say it in the reader's language. */
      code?: DeliveryErrorCode;
      params?: Record<string, string | number>;
      status?: number;
      excerpt?: string;
    };

/** Why a delivery failed; each has a sentence in the designer (`outside.errors.<code>`). */
export const DELIVERY_ERROR_CODES = [
  'refused',
  'timeout',
  'network',
  'http_status',
  'no_adapter',
  'mail_failed',
  'adapter_failed',
] as const;
export type DeliveryErrorCode = (typeof DELIVERY_ERROR_CODES)[number];

export interface OutgoingMail {
  to: string;
  subject: string;
  body: string;
  /** Stable per action run, so a receiver can drop a repeated message. */
  idempotencyKey: string;
}

/** Sends email (SMTP through nodemailer in production). */
export interface Mailer {
  send(mail: OutgoingMail): Promise<DeliveryResult>;
}

export interface OutgoingMessage {
  id: string;
  recordId: string;
  channel: string;
  to: string;
  subject?: string;
  body: string;
  idempotencyKey: string;
}

/** One way to reach people (SMS, messenger gateway...); all channels look alike. */
export interface MessageChannel {
  send(message: OutgoingMessage): Promise<DeliveryResult>;
}

export interface HttpRequest {
  url: string;
  method: 'POST' | 'PUT' | 'PATCH' | 'GET';
  headers: Record<string, string>;
  body?: string;
  timeoutMs: number;
}

/** Makes one HTTP call and classifies the answer (5xx/network/timeout retry, 4xx not). */
export interface HttpClient {
  request(req: HttpRequest): Promise<DeliveryResult>;
}

export interface DeliveryPorts {
  mailer?: Mailer;
  /** By channel key; `default` serves a message whose channel has no entry of its own. */
  channels?: Readonly<Record<string, MessageChannel>>;
  http?: HttpClient;
}
