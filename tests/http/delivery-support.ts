import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Harness } from './server-harness.js';
import { parseOutboundAllow } from '../../runtime/delivery/outbound-guard.js';

/** Retry timings small enough for tests (the policy is injected, not the clock). */
export const FAST_RETRY = {
  maxAttempts: 3,
  baseDelayMs: 20,
  maxDelayMs: 100,
  jitter: 0.5,
  timeoutMs: 500,
};

export interface Received {
  path: string;
  method: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface Receiver {
  url: string;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 port 0 that answers by path: `/flaky` 503 twice
 * then 200, `/bad` 400, `/hang` never answers, `/gateway` 202, `/big` 200 with 2 MB,
 * anything else 200.
 */
export async function startReceiver(): Promise<Receiver> {
  const received: Received[] = [];
  const counts = new Map<string, number>();
  const hanging = new Set<IncomingMessage>();
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString('utf8')));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, method: req.method ?? '', headers: req.headers, body });
      const n = (counts.get(path) ?? 0) + 1;
      counts.set(path, n);
      if (path === '/flaky' && n <= 2) res.writeHead(503).end('busy, try later');
      else if (path === '/bad') res.writeHead(400).end('{"error":"amount is not a number"}');
      else if (path === '/hang') hanging.add(req);
      else if (path === '/gateway') res.writeHead(202).end('{"queued":true}');
      else if (path === '/big') res.writeHead(200).end('x'.repeat(2_000_000));
      else res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}

export { waitFor } from '../support/wait-for.js';

/** Creates a deal in `orders/new` linked to a contact and a company. */
export async function dealWithClient(h: Harness, title = 'Order 42'): Promise<string> {
  const contact = await h.call('POST', '/api/records/contacts', {
    fields: { name: 'Anna Petrova', email: 'anna@example.com' },
  });
  const company = await h.call('POST', '/api/records/companies', {
    fields: { title: 'Romashka LLC' },
  });
  const deal = await h.call('POST', '/api/records/deals', {
    model: 'outside',
    pipeline: 'orders',
    fields: { title, amount: 1500, currency: 'EUR', responsible: 'ivanov' },
  });
  for (const other of [
    { entity: 'contact', id: contact.body.id },
    { entity: 'company', id: company.body.id },
  ])
    await h.call('POST', `/api/records/deals/${deal.body.id}/links`, other);
  return deal.body.id as string;
}

/** Saves and publishes the outside-world model. */
export async function publish(h: Harness, model: object): Promise<void> {
  const saved = await h.call('POST', '/api/models', model);
  if (saved.status !== 201) throw new Error(`save: ${JSON.stringify(saved.body)}`);
  const published = await h.call('POST', '/api/models/outside/publish', {});
  if (published.status !== 201) throw new Error(`publish: ${JSON.stringify(published.body)}`);
}

/**
 * Test receivers listen on 127.0.0.1, which outgoing requests refuse by default: the
 * tests allow it explicitly, as an operator would with `OUTBOUND_ALLOW=127.0.0.1`.
 */
export const LOOPBACK_ALLOWED = parseOutboundAllow('127.0.0.1');
