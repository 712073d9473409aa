import { spawn, type ChildProcess } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { OWNER_ENV, ownerHeaders } from '../support/runtime-auth.js';
import { dropSchema, freshSchemaName, TEST_DATABASE_URL } from '../support/postgres.js';
import { waitFor } from '../support/wait-for.js';
import { outsideModel } from './delivery-models.js';

/** A real `runtime/main.ts` on PostgreSQL; resolves with its URL once it listens. */
function startProcess(schema: string, url: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'runtime/main.ts'], {
    env: {
      ...process.env,
      ...OWNER_ENV,
      DATABASE_URL: url,
      DATABASE_SCHEMA: schema,
      PORT: '0',
      SEED_EXAMPLES: '0',
      OUTBOUND_ALLOW: '127.0.0.1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1] !== undefined) resolve({ url: m[1], child });
    });
    child.on('exit', (code) => reject(new Error(`exited ${String(code)}: ${err}`)));
  });
}

async function call(base: string, method: string, path: string, body?: unknown) {
  const res = await fetch(base + path, {
    method,
    headers: { 'content-type': 'application/json', ...(await ownerHeaders(base)) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, body: text === '' ? undefined : JSON.parse(text) };
}

// Two server processes on one database: deliveries are graphile-worker jobs, each sent once.
describe.skipIf(TEST_DATABASE_URL === undefined)('two processes on one PostgreSQL database', () => {
  const db = TEST_DATABASE_URL as string;
  const schema = freshSchemaName();
  const children: ChildProcess[] = [];
  const hits: Array<{ path: string; key: string }> = [];
  const receiver: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push({ path: req.url ?? '', key: String(req.headers['idempotency-key']) });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  afterAll(async () => {
    for (const c of children) c.kill('SIGKILL');
    await new Promise<void>((r) => receiver.close(() => r()));
    await dropSchema(schema);
    await dropSchema(`${schema}_jobs`);
  });

  it('delivers each webhook once, whichever process moved the deal', async () => {
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const addr = receiver.address();
    const rx = `http://127.0.0.1:${typeof addr === 'object' && addr !== null ? addr.port : 0}`;
    const a = await startProcess(schema, db);
    children.push(a.child);
    expect((await call(a.url, 'POST', '/api/models', outsideModel(rx))).status).toBe(201);
    expect((await call(a.url, 'POST', '/api/models/outside/publish', {})).status).toBe(201);
    // Started after the publish (a running process would learn of it before its next run).
    const b = await startProcess(schema, db);
    children.push(b.child);
    const ids: string[] = [];
    for (let n = 0; n < 6; n++) {
      const via = n % 2 === 0 ? a.url : b.url;
      const deal = await call(via, 'POST', '/api/records/deals', {
        model: 'outside',
        pipeline: 'orders',
        fields: { title: `Deal ${n}`, amount: 100 + n },
      });
      expect(deal.status).toBe(201);
      ids.push(deal.body.id as string);
      const moved = await call(via, 'POST', `/api/records/deals/${deal.body.id}/move`, {
        stage: 'sync_flaky',
      });
      expect(moved.status).toBe(200);
    }
    await waitFor(
      'every webhook sent',
      async () => {
        const items = await call(a.url, 'GET', '/api/outbox?kind=webhook&limit=100');
        const sent = (items.body.items as Array<{ status: string }>).filter(
          (i) => i.status === 'sent',
        );
        return sent.length === ids.length ? sent : undefined;
      },
      60_000,
      300,
    );
    // A little longer: a second delivery would show now.
    await new Promise((r) => setTimeout(r, 3000));
    expect(hits).toHaveLength(ids.length);
    expect(new Set(hits.map((h) => h.key)).size).toBe(ids.length);
  }, 180_000);
});
