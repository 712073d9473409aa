import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HARNESS_OWNER, startServer, type Harness } from './server-harness.js';

/** A raw request, so the test sets `Origin` and `Sec-Fetch-Site` as a browser would. */
function raw(
  base: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; code: string | undefined }> {
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
            code:
              text === ''
                ? undefined
                : (JSON.parse(text) as { error?: { code: string } }).error?.code,
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const contact = JSON.stringify({ fields: { name: 'Cross Site' } });

describe('cookie-borne changes from another site', () => {
  let h: Harness;
  let cookie: string;
  beforeAll(async () => {
    h = await startServer();
    cookie = (await h.signIn(HARNESS_OWNER.email, HARNESS_OWNER.password)).cookie;
  });
  afterAll(() => h.close());

  const json = () => ({ 'content-type': 'application/json', cookie });

  it('a foreign Origin gets 403 CROSS_SITE and nothing is written', async () => {
    const before = (await h.call('GET', '/api/records/contacts')).body.length;
    for (const origin of ['https://evil.example', 'http://127.0.0.1.evil.example', 'null'])
      expect(
        await raw(h.url, 'POST', '/api/records/contacts', { ...json(), origin }, contact),
        origin,
      ).toEqual({ status: 403, code: 'CROSS_SITE' });
    expect((await h.call('GET', '/api/records/contacts')).body.length).toBe(before);
  });

  it('without Origin, Sec-Fetch-Site cross-site or same-site is refused; same-origin passes', async () => {
    for (const site of ['cross-site', 'same-site'])
      expect(
        await raw(
          h.url,
          'POST',
          '/api/records/contacts',
          { ...json(), 'sec-fetch-site': site },
          contact,
        ),
      ).toEqual({ status: 403, code: 'CROSS_SITE' });
    expect(
      (
        await raw(
          h.url,
          'POST',
          '/api/records/contacts',
          { ...json(), 'sec-fetch-site': 'same-origin' },
          contact,
        )
      ).status,
    ).toBe(201);
  });

  it("the server's own origin passes, for changes and sign-out alike", async () => {
    const origin = h.url;
    expect(
      (await raw(h.url, 'POST', '/api/records/contacts', { ...json(), origin }, contact)).status,
    ).toBe(201);
    const own = await h.signIn(HARNESS_OWNER.email, HARNESS_OWNER.password);
    expect(
      (
        await raw(h.url, 'POST', '/api/auth/sign-out', {
          'content-type': 'application/json',
          cookie: own.cookie,
          origin,
        })
      ).status,
    ).toBe(204);
  });

  it('a foreign page cannot sign a browser in (login CSRF) nor set up the owner', async () => {
    const body = JSON.stringify({ email: HARNESS_OWNER.email, password: HARNESS_OWNER.password });
    expect(
      await raw(
        h.url,
        'POST',
        '/api/auth/sign-in',
        { 'content-type': 'application/json', origin: 'https://evil.example' },
        body,
      ),
    ).toEqual({ status: 403, code: 'CROSS_SITE' });
  });

  it('text/plain and form bodies with the cookie still answer 415', async () => {
    for (const type of ['text/plain', 'application/x-www-form-urlencoded'])
      expect(
        (await raw(h.url, 'POST', '/api/records/contacts', { 'content-type': type, cookie }, 'a=b'))
          .status,
      ).toBe(415);
  });

  it('a bearer token is not subject to the Origin check (browsers never send one on their own)', async () => {
    expect(
      (
        await raw(
          h.url,
          'POST',
          '/api/records/contacts',
          {
            'content-type': 'application/json',
            authorization: `Bearer ${h.ownerToken}`,
            origin: 'https://integration.example',
          },
          contact,
        )
      ).status,
    ).toBe(201);
  });
});
