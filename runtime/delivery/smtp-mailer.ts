import nodemailer from 'nodemailer';
import type { DeliveryResult, Mailer, OutgoingMail } from './delivery-ports.js';

/** A body that looks like markup is sent as HTML (with the text alongside). */
function looksLikeHtml(body: string): boolean {
  return /<[a-z][\s\S]*>/i.test(body);
}

function classify(e: unknown): DeliveryResult {
  const err = e as { message?: unknown; responseCode?: unknown; response?: unknown };
  const code = typeof err.responseCode === 'number' ? err.responseCode : undefined;
  const message = typeof err.message === 'string' ? err.message : String(e);
  // SMTP 5xx is a permanent refusal (unknown mailbox...); 4xx and network trouble pass.
  const retry = code === undefined || code < 500;
  return {
    ok: false,
    retry,
    error: message,
    code: 'mail_failed',
    params: { detail: message },
    ...(code === undefined ? {} : { status: code }),
    ...(typeof err.response === 'string' ? { excerpt: err.response.slice(0, 500) } : {}),
  };
}

/**
 * Sends email over SMTP with nodemailer; `url` is e.g. `smtp://user:pass@host:587`
 * (`smtps://` for implicit TLS).
 *
 * @example const mailer = createSmtpMailer(process.env.SMTP_URL, 'robot@example.com');
 */
export function createSmtpMailer(url: string, from: string, timeoutMs = 30_000): Mailer {
  const u = new URL(url);
  const secure = u.protocol === 'smtps:';
  const transport = nodemailer.createTransport({
    host: u.hostname,
    port: u.port === '' ? (secure ? 465 : 587) : Number(u.port),
    secure,
    ...(u.username === ''
      ? {}
      : {
          auth: {
            user: decodeURIComponent(u.username),
            pass: decodeURIComponent(u.password),
          },
        }),
    // A plain smtp:// URL to a local relay need not offer STARTTLS.
    ignoreTLS: u.searchParams.get('ignoreTLS') === 'true',
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(mail: OutgoingMail): Promise<DeliveryResult> {
      try {
        const info = await transport.sendMail({
          from,
          to: mail.to,
          subject: mail.subject,
          text: mail.body,
          ...(looksLikeHtml(mail.body) ? { html: mail.body } : {}),
          headers: { 'X-Conveyor-Idempotency-Key': mail.idempotencyKey },
        });
        return { ok: true, info: `${info.messageId} ${String(info.response)}`.trim() };
      } catch (e) {
        return classify(e);
      }
    },
  };
}
