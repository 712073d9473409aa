import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSmtpMailer } from '../../runtime/delivery/smtp-mailer.js';
import type { OutboxDoc } from '../../runtime/domain/outbox.js';
import type { TimelineEntry } from '../../runtime/domain/timeline.js';
import { outsideModel } from './delivery-models.js';
import { dealWithClient, FAST_RETRY, publish, waitFor } from './delivery-support.js';
import { startServer, type Harness } from './server-harness.js';

interface Mail {
  from: string;
  to: string[];
  raw: string;
}

/** A real SMTP server on 127.0.0.1 port 0; it refuses `nobody@...` with 550. */
async function startSmtp(): Promise<{ url: string; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, cb) {
      if (address.address.startsWith('nobody@')) {
        const e = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        cb(e);
      } else cb();
    },
    onData(stream, session, cb) {
      let raw = '';
      stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
      stream.on('end', () => {
        mails.push({
          from: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
        });
        cb();
      });
    },
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const addr = server.server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const emails = async (h: Harness, id: string): Promise<OutboxDoc[]> =>
  (await h.call('GET', `/api/records/deals/${id}/outbox`)).body.items;

describe('send_email over SMTP (nodemailer -> a real SMTP server on loopback)', () => {
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let h: Harness;
  beforeAll(async () => {
    smtp = await startSmtp();
    h = await startServer(undefined, {
      delivery: { mailer: createSmtpMailer(smtp.url, 'robot@conveyor.test', 2_000) },
      retryPolicy: FAST_RETRY,
    });
    await publish(h, outsideModel());
  });
  afterAll(async () => {
    await h.conveyor.dispatcher.stop();
    await h.close();
    await smtp.close();
  });

  it('delivers the rendered receipt to the client after the move is stored', async () => {
    const id = await dealWithClient(h, 'Order 42');
    expect((await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'paid' })).status).toBe(
      200,
    );
    const sent = await waitFor('the email', async () => {
      const item = (await emails(h, id))[0];
      return item?.status === 'sent' ? item : undefined;
    });
    expect(sent).toMatchObject({ to: 'anna@example.com', attempts: 1 });
    const mail = smtp.mails.find((m) => m.to.includes('anna@example.com'));
    expect(mail?.from).toBe('robot@conveyor.test');
    expect(mail?.raw).toMatch(/^Subject: Payment received for Order 42$/m);
    expect(mail?.raw).toMatch(/^To: anna@example.com$/m);
    expect(mail?.raw).toContain('Dear Anna Petrova, we received 1500 EUR. Ivan Ivanov');
    const unfolded = (mail?.raw ?? '').replace(/\r\n[ \t]+/g, ' ');
    expect(unfolded).toContain(`X-Conveyor-Idempotency-Key: ${sent.idempotencyKey}`);
    const tl: TimelineEntry[] = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body
      .items;
    expect(tl.find((e) => e.kind === 'delivery')?.message).toContain(
      'email to anna@example.com: delivered on attempt 1',
    );
  });

  it('does not retry a permanent SMTP refusal (550): a dead letter', async () => {
    const contact = await h.call('POST', '/api/records/contacts', {
      fields: { name: 'Nobody', email: 'nobody@example.com' },
    });
    const deal = await h.call('POST', '/api/records/deals', {
      model: 'outside',
      pipeline: 'orders',
      fields: { title: 'Nowhere', amount: 1, currency: 'EUR', responsible: 'ivanov' },
    });
    await h.call('POST', `/api/records/deals/${deal.body.id}/links`, {
      entity: 'contact',
      id: contact.body.id,
    });
    await h.call('POST', `/api/records/deals/${deal.body.id}/move`, { stage: 'paid' });
    const dead = await waitFor('the refusal', async () => {
      const item = (await emails(h, deal.body.id))[0];
      return item?.status === 'dead' ? item : undefined;
    });
    expect(dead.attempts).toBe(1);
    expect(dead.response?.status).toBe(550);
    expect(smtp.mails.some((m) => m.to.includes('nobody@example.com'))).toBe(false);
  });

  it('records an unknown placeholder at run time as a failed action, never a blank', async () => {
    const id = await dealWithClient(h, 'Broken');
    await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'broken' });
    const tl: TimelineEntry[] = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body
      .items;
    const action = tl.find((e) => e.kind === 'action' && e.ruleId === 'robot:broken_mail');
    expect(action?.outcome).toBe('failed');
    expect(action?.message).toContain('nothing_here');
    expect(await emails(h, id)).toEqual([]);
  });

  it('refuses to publish a template naming an unknown field (analyzer error)', async () => {
    const model = outsideModel();
    model.id = 'outside-bad';
    model.templates[0]!.body = 'Hello {{ record.no_such_field }}';
    expect((await h.call('POST', '/api/models', model)).status).toBe(201);
    const res = await h.call('POST', '/api/models/outside-bad/publish', {});
    expect(res.status).toBe(422);
    expect(res.body.error.diagnostics.map((d: { code: string }) => d.code)).toContain(
      'UNKNOWN_PLACEHOLDER',
    );
  });
});

describe('send_email without SMTP_URL', () => {
  it('keeps the email in the outbox, visible per record and in GET /api/outbox', async () => {
    const h = await startServer();
    try {
      await publish(h, outsideModel());
      const id = await dealWithClient(h, 'Kept');
      await h.call('POST', `/api/records/deals/${id}/move`, { stage: 'paid' });
      const own = await emails(h, id);
      expect(own).toHaveLength(1);
      expect(own[0]).toMatchObject({
        kind: 'send_email',
        status: 'kept',
        to: 'anna@example.com',
        subject: 'Payment received for Kept',
      });
      const all: OutboxDoc[] = (await h.call('GET', '/api/outbox?status=kept&kind=send_email')).body
        .items;
      expect(all.map((o) => o.id)).toEqual([own[0]!.id]);
      expect((await h.call('GET', '/api/outbox?status=sent')).body.items).toEqual([]);
      const tl: TimelineEntry[] = (await h.call('GET', `/api/records/deals/${id}/timeline`)).body
        .items;
      expect(
        tl.find((e) => e.ruleId === 'robot:receipt_mail' && e.kind === 'action')?.message,
      ).toBe('send_email: send_email kept in the outbox to anna@example.com');
    } finally {
      await h.close();
    }
  });
});
