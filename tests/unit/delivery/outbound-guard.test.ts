import { createServer, type Server } from 'node:http';
import type { LookupAddress } from 'node:dns';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../runtime/delivery/http-client.js';
import {
  NOTHING_ALLOWED,
  parseOutboundAllow,
  refusalOf,
  type Resolve,
} from '../../../runtime/delivery/outbound-guard.js';

/** A resolver that answers from a table and records every name asked: no real DNS. */
function fakeDns(table: Record<string, string[]>): { resolve: Resolve; asked: string[] } {
  const asked: string[] = [];
  return {
    asked,
    resolve: async (name) => {
      asked.push(name);
      const addrs = table[name];
      if (addrs === undefined)
        throw Object.assign(new Error(`ENOTFOUND ${name}`), { code: 'ENOTFOUND' });
      return addrs.map((address): LookupAddress => ({
        address,
        family: address.includes(':') ? 6 : 4,
      }));
    },
  };
}

/** Every socket undici is about to open (host as undici sees it), from its diagnostics channel. */
const connects: string[] = [];
const onConnect = (msg: unknown): void => {
  const m = msg as { connectParams: { hostname: string } };
  connects.push(m.connectParams.hostname);
};

const post = (url: string) => ({
  url,
  method: 'POST' as const,
  headers: {},
  body: '{}',
  timeoutMs: 2000,
});

describe('outgoing requests refuse special-use addresses in every spelling', () => {
  let receiver: Server;
  let port = 0;
  let hits = 0;
  beforeAll(async () => {
    subscribe('undici:client:beforeConnect', onConnect);
    receiver = createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const a = receiver.address();
    port = typeof a === 'object' && a !== null ? a.port : 0;
  });
  afterAll(async () => {
    unsubscribe('undici:client:beforeConnect', onConnect);
    await new Promise((r) => receiver.close(r));
  });

  it.each([
    ['http://127.0.0.1/', 'loopback'],
    ['http://2130706433/', 'loopback'],
    ['http://0x7f000001/', 'loopback'],
    ['http://0177.0.0.1/', 'loopback'],
    ['http://127.1/', 'loopback'],
    ['http://[::1]/', 'loopback'],
    ['http://[::ffff:127.0.0.1]/', 'loopback'],
    ['http://[::ffff:7f00:1]/', 'loopback'],
    ['http://[fd00::1]/', 'uniqueLocal'],
    ['http://[fe80::1]/', 'linkLocal'],
    ['http://10.0.0.1/', 'private'],
    ['http://172.16.5.4/', 'private'],
    ['http://192.168.1.1/', 'private'],
    ['http://169.254.169.254/latest/meta-data/', 'linkLocal'],
    ['http://100.64.0.1/', 'carrierGradeNat'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://224.0.0.1/', 'multicast'],
    ['http://[ff02::1]/', 'multicast'],
    ['http://[::]/', 'unspecified'],
    ['http://localhost/', 'local name'],
    ['http://api.localhost/', 'local name'],
  ])('%s is refused (%s) without a socket or a DNS query', async (url, why) => {
    const dns = fakeDns({});
    const before = connects.length;
    const result = await createHttpClient({ resolve: dns.resolve }).request(post(url));
    expect(result).toMatchObject({ ok: false, retry: false });
    expect(!result.ok && result.error).toContain('refused');
    expect(!result.ok && result.error).toContain(why);
    expect(!result.ok && result.error).toContain('OUTBOUND_ALLOW');
    expect(dns.asked).toEqual([]);
    expect(connects.length).toBe(before);
  });

  it.each([
    ['metadata.test', ['169.254.169.254']],
    ['intranet.test', ['10.1.2.3']],
    ['v6.test', ['fd12::7']],
    ['mapped.test', ['::ffff:192.168.0.1']],
    // One good address does not excuse a bad one: every resolved address is checked.
    ['mixed.test', ['127.0.0.1', '10.0.0.1']],
  ])('a name resolving to %s %j is refused at connect time, once resolved', async (name, addrs) => {
    const dns = fakeDns({ [name]: addrs });
    const result = await createHttpClient({
      allow: parseOutboundAllow('127.0.0.1'),
      resolve: dns.resolve,
    }).request(post(`http://${name}:${port}/`));
    expect(result).toMatchObject({ ok: false, retry: false });
    expect(!result.ok && result.error).toMatch(/^refused: /);
    expect(dns.asked).toEqual([name]);
    expect(hits).toBe(0);
  });

  it('connects to the address it checked: an allowed name resolving to the loopback receiver', async () => {
    const dns = fakeDns({ 'hooks.conveyor.test': ['127.0.0.1'] });
    const result = await createHttpClient({
      allow: parseOutboundAllow('127.0.0.0/8'),
      resolve: dns.resolve,
    }).request(post(`http://hooks.conveyor.test:${port}/`));
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(dns.asked).toEqual(['hooks.conveyor.test']);
    expect(hits).toBe(1);
    // The channel the refusals are checked against does see real connections.
    expect(connects).toContain('hooks.conveyor.test');
  });

  it('an allow-listed literal reaches the receiver', async () => {
    const result = await createHttpClient({ allow: parseOutboundAllow('127.0.0.1') }).request(
      post(`http://127.0.0.1:${port}/`),
    );
    expect(result).toMatchObject({ ok: true, status: 200 });
  });

  it('classifies ordinary public addresses as reachable (no request is made)', () => {
    expect(refusalOf('93.184.216.34', NOTHING_ALLOWED)).toBeUndefined();
    expect(refusalOf('2606:2800:220:1:248:1893:25c8:1946', NOTHING_ALLOWED)).toBeUndefined();
    expect(refusalOf('192.0.2.1', NOTHING_ALLOWED)).toContain('reserved');
  });

  it('OUTBOUND_ALLOW reads hosts, addresses and ranges, and names a bad entry', () => {
    const allow = parseOutboundAllow(' 10.0.0.0/8 , [::1], Gateway.LAN ');
    expect(refusalOf('10.9.9.9', allow)).toBeUndefined();
    expect(refusalOf('::1', allow)).toBeUndefined();
    expect(refusalOf('192.168.0.1', allow)).toContain('private');
    expect(allow.hosts.has('gateway.lan')).toBe(true);
    expect(() => parseOutboundAllow('10.0.0.0/99')).toThrow('"10.0.0.0/99"');
    expect(() => parseOutboundAllow('http://x')).toThrow('OUTBOUND_ALLOW');
  });
});
