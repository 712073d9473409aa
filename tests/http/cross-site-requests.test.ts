import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type Harness } from './server-harness.js';

/** A raw request, so the test controls every header (fetch would add or forbid some). */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: { error?: { code: string; message: string } } | undefined }> {
  const url = new URL(path, base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        method,
        path: url.pathname,
        headers:
          body === undefined
            ? headers
            : { 'content-length': `${Buffer.byteLength(body)}`, ...headers },
      },
      (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: text === '' ? undefined : JSON.parse(text),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const model = {
  schemaVersion: 1,
  id: 'csrf',
  name: 'CSRF target',
  entities: {},
  directory: { users: [], departments: [], queues: [] },
  pipelines: [
    {
      key: 'p',
      name: 'P',
      entity: 'deal',
      stages: [{ key: 'a', name: 'A', kind: 'in_progress', robots: [], triggers: [] }],
    },
  ],
};

describe('a web page on another site cannot change anything through the browser', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer();
    expect((await h.call('POST', '/api/models', model)).status).toBe(201);
  });
  afterAll(() => h.close());

  it.each([
    ['text/plain', JSON.stringify({})],
    ['application/x-www-form-urlencoded', 'note=x'],
    ['multipart/form-data; boundary=b', '--b--'],
  ])('publishing with a %s body answers 415 and publishes nothing', async (type, body) => {
    const res = await raw(
      h.url,
      'POST',
      '/api/models/csrf/publish',
      { 'content-type': type },
      body,
    );
    expect(res.status).toBe(415);
    expect(res.body?.error?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(res.body?.error?.message).toContain('application/json');
    expect((await h.call('GET', '/api/models')).body.items[0].publishedVersion ?? null).toBeNull();
  });

  it('a POST with no body and no Content-Type answers 415', async () => {
    const res = await raw(h.url, 'POST', '/api/models/csrf/publish', {});
    expect(res.status).toBe(415);
    expect(res.body?.error?.message).toContain('none was given');
  });

  it('a record cannot be created from a form, nor deleted with a text body', async () => {
    const form = await raw(
      h.url,
      'POST',
      '/api/records/contacts',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'fields[name]=x',
    );
    expect(form.status).toBe(415);
    const created = await h.call('POST', '/api/records/contacts', { fields: { name: 'Anna' } });
    expect(created.status).toBe(201);
    const del = await raw(
      h.url,
      'DELETE',
      `/api/records/contacts/${created.body.id}`,
      { 'content-type': 'text/plain' },
      '{}',
    );
    expect(del.status).toBe(415);
    expect((await h.call('GET', `/api/records/contacts/${created.body.id}`)).status).toBe(200);
  });

  it('JSON (with a charset) is accepted, and a bodiless DELETE still works', async () => {
    const res = await raw(
      h.url,
      'POST',
      '/api/records/contacts',
      { 'content-type': 'application/json; charset=utf-8' },
      JSON.stringify({ fields: { name: 'Boris' } }),
    );
    expect(res.status).toBe(201);
    const id = (res.body as unknown as { id: string }).id;
    expect((await raw(h.url, 'DELETE', `/api/records/contacts/${id}`, {})).status).toBe(204);
  });

  it('an inbound hook with a form body answers 415 as well (its body was only ever JSON)', async () => {
    const res = await raw(
      h.url,
      'POST',
      '/api/hooks/whatever',
      { 'content-type': 'application/x-www-form-urlencoded' },
      'recordId=1',
    );
    expect(res.status).toBe(415);
  });

  it.each(['evil.example', 'evil.example:80', '127.0.0.1.nip.io', 'localhost.evil.example'])(
    'Host "%s" (DNS rebinding) answers 421 on the API and the designer',
    async (host) => {
      for (const path of ['/api/models', '/api/health', '/']) {
        const res = await raw(h.url, 'GET', path, { host });
        expect(res.status).toBe(421);
        expect(res.body?.error?.code).toBe('HOST_NOT_ALLOWED');
        expect(res.body?.error?.message).toContain('ALLOWED_HOSTS');
      }
    },
  );

  it.each(['localhost', 'LOCALHOST:4000', '127.0.0.1', '[::1]:8080'])(
    'Host "%s" is answered (any port)',
    async (host) => {
      expect((await raw(h.url, 'GET', '/api/health', { host })).status).toBe(200);
    },
  );
});

describe('ALLOWED_HOSTS', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startServer(undefined, { allowedHosts: ['crm.example.com', '127.0.0.1'] });
  });
  afterAll(() => h.close());

  it('answers the configured names only', async () => {
    expect((await raw(h.url, 'GET', '/api/health', { host: 'crm.example.com' })).status).toBe(200);
    expect((await raw(h.url, 'GET', '/api/health', { host: 'localhost' })).status).toBe(421);
  });
});
