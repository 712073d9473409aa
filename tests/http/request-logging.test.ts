import type { AddressInfo } from 'node:net';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMiddleware } from '../../runtime/http/error-middleware.js';
import { requestId } from '../../runtime/logging/request-id.js';
import { redactUrl, requestLogging } from '../../runtime/logging/request-logging.js';
import { createLogger } from '../../runtime/logging/create-logger.js';
import { loggerPort } from '../../runtime/logging/logger-port.js';
import { HARNESS_OWNER, startServer, type Harness } from './server-harness.js';

/** Every JSON line pino wrote, as text and parsed. */
class Sink {
  text = '';
  write(chunk: string): void {
    this.text += chunk;
  }
  lines(): Record<string, unknown>[] {
    return this.text
      .trim()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
  }
  requests(): { req: { id: string; method: string; url: string }; res: { statusCode: number } }[] {
    return this.lines().filter((l) => l.req !== undefined) as never;
  }
}

const sink = new Sink();
let h: Harness;
beforeAll(async () => {
  const logger = createLogger('info', sink);
  h = await startServer(undefined, { requestLogger: logger, log: loggerPort(logger) });
});
afterAll(() => h.close());

describe('request ids', () => {
  it('keeps a caller X-Request-Id, answers it and logs the request under it', async () => {
    const res = await h.call('GET', '/api/models', undefined, { 'x-request-id': 'trace-42.a' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('trace-42.a');
    await expect
      .poll(() => sink.requests().find((l) => l.req.id === 'trace-42.a'))
      .toMatchObject({ req: { method: 'GET', url: '/api/models' }, res: { statusCode: 200 } });
  });

  it('makes one (a UUID) when the caller sent none or an unfit one', async () => {
    const none = await h.call('GET', '/api/models');
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const hostile = await h.call('GET', '/api/models', undefined, {
      'x-request-id': 'a"}\u0007<script>'.replace('\u0007', ' '),
    });
    expect(hostile.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs 4xx at warn with the level by name, and every line is JSON with a time', async () => {
    const res = await h.callAs(null, 'GET', '/api/models', undefined, { 'x-request-id': 'anon-1' });
    expect(res.status).toBe(401);
    await expect
      .poll(() => sink.lines().find((l) => (l.req as { id?: string } | undefined)?.id === 'anon-1'))
      .toMatchObject({ level: 'warn', service: 'conveyor', res: { statusCode: 401 } });
    for (const l of sink.lines()) expect(l.time).toMatch(/^\d{4}-\d\d-\d\dT/);
  });
});

describe('an unexpected error', () => {
  it('answers 500 INTERNAL and logs the stack at error under the request id', async () => {
    const out = new Sink();
    const logger = createLogger('info', out);
    const app = express();
    app.use(requestId());
    app.use(requestLogging(logger));
    app.get('/boom', () => {
      throw new Error('kaboom at http://svc:boom-secret@db.local/x');
    });
    app.use(errorMiddleware(loggerPort(logger)));
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const port = (server.address() as AddressInfo).port;
    const res = await fetch(`http://127.0.0.1:${port}/boom`, {
      headers: { 'x-request-id': 'err-7' },
    });
    server.close();
    expect(res.status).toBe(500);
    expect(res.headers.get('x-request-id')).toBe('err-7');
    const lines = out.lines();
    expect(
      lines.find((l) => String(l.msg).startsWith('request err-7: Error: kaboom')),
    ).toMatchObject({ level: 'error' });
    expect(lines.find((l) => (l.req as { id?: string } | undefined)?.id === 'err-7')).toMatchObject(
      {
        level: 'error',
        res: { statusCode: 500 },
      },
    );
    expect(out.text).not.toContain('boom-secret');
  });
});

describe('probes', () => {
  it('logs /api/health and /api/ready only when they fail', async () => {
    await h.call('GET', '/api/health', undefined, { 'x-request-id': 'probe-ok' });
    await h.call('GET', '/api/ready', undefined, { 'x-request-id': 'probe-503' });
    await expect
      .poll(() => sink.requests().find((l) => l.req.id === 'probe-503'))
      .toMatchObject({ req: { url: '/api/ready' }, res: { statusCode: 503 } });
    expect(sink.requests().find((l) => l.req.id === 'probe-ok')).toBeUndefined();
  });
});

describe('secrets never reach the log output', () => {
  it('not the password, session cookie, API token, hook token, query token or URL credentials', async () => {
    const { cookie } = await h.signIn(HARNESS_OWNER.email, HARNESS_OWNER.password);
    const session = cookie.split('=')[1] ?? '';
    expect((await h.callAs({ cookie }, 'GET', '/api/models')).status).toBe(200);
    await h.call('GET', '/api/records/deals?token=query-secret-1&limit=5');
    await h.callAs(null, 'POST', '/api/hooks/hook-secret-2', { recordId: 'x' });
    loggerPort(createLogger('info', sink)).error(
      'delivery failed: connect ECONNREFUSED http://bot:url-secret-3@127.0.0.1:9/send',
    );
    createLogger('info', sink).info(
      { req: { headers: { authorization: 'Bearer header-secret-4' } }, password: 'field-5' },
      'a careless line',
    );
    await expect.poll(() => sink.text).toContain('/api/hooks/***');
    for (const secret of [
      HARNESS_OWNER.password,
      session,
      h.ownerToken ?? '',
      'query-secret-1',
      'hook-secret-2',
      'url-secret-3',
      'header-secret-4',
      'field-5',
    ]) {
      expect(secret.length).toBeGreaterThan(4);
      expect(sink.text).not.toContain(secret);
    }
    expect(sink.text).toContain('token=***&limit=5');
    expect(sink.text).toContain('http://***@127.0.0.1:9/send');
  });

  it('redactUrl masks credentials in paths and queries and leaves the rest', () => {
    expect(redactUrl('/api/hooks/abc?token=x&a=1')).toBe('/api/hooks/***?token=***&a=1');
    expect(redactUrl('/setup?access_token=t&apikey=k&page=2')).toBe(
      '/setup?access_token=***&apikey=***&page=2',
    );
    expect(redactUrl('/api/records/deals?limit=5')).toBe('/api/records/deals?limit=5');
  });
});

describe('LOG_LEVEL', () => {
  it('drops lines below the level', () => {
    const quiet = new Sink();
    const log = createLogger('warn', quiet);
    log.info('not shown');
    log.warn('shown');
    expect(quiet.lines().map((l) => [l.level, l.msg])).toEqual([['warn', 'shown']]);
  });
});
