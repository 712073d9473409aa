import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Hosts and address ranges the operator lets outgoing requests reach although they are
 * loopback, private or otherwise special (`OUTBOUND_ALLOW`, e.g. `127.0.0.1,10.0.0.0/8,
 * gateway.lan`).
 */
export interface OutboundAllow {
  readonly hosts: ReadonlySet<string>;
  readonly ranges: readonly (readonly [ipaddr.IPv4 | ipaddr.IPv6, number])[];
}

export const NOTHING_ALLOWED: OutboundAllow = { hosts: new Set(), ranges: [] };

/** A host or address an outgoing request may not reach: a delivery failure, never retried. */
export class OutboundRefusedError extends Error {
  constructor(
    message: string,
    /** The host (and the address it resolved to) that was refused. */
    readonly host = '',
  ) {
    super(message);
    this.name = 'OutboundRefusedError';
  }
}

/**
 * Reads `OUTBOUND_ALLOW`: comma-separated host names, addresses and CIDR ranges.
 * An entry that is none of these is a startup error naming it.
 *
 * @example parseOutboundAllow('127.0.0.1, 10.0.0.0/8, gateway.lan')
 */
export function parseOutboundAllow(value: string | undefined): OutboundAllow {
  const hosts = new Set<string>();
  const ranges: [ipaddr.IPv4 | ipaddr.IPv6, number][] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw
      .trim()
      .toLowerCase()
      .replace(/^\[(.*)\]$/, '$1');
    if (entry === '') continue;
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry))
        throw new Error(`OUTBOUND_ALLOW: "${raw.trim()}" is not an address range`);
      const [addr, bits] = ipaddr.parseCIDR(entry);
      ranges.push([addr, bits]);
    } else if (isIP(entry) !== 0) {
      const addr = ipaddr.parse(entry);
      ranges.push([addr, addr.kind() === 'ipv4' ? 32 : 128]);
    } else if (/^[a-z0-9.-]+$/.test(entry)) hosts.add(entry.replace(/\.$/, ''));
    else throw new Error(`OUTBOUND_ALLOW: "${raw.trim()}" is not a host, address or range`);
  }
  return { hosts, ranges };
}

function allowedAddress(addr: ipaddr.IPv4 | ipaddr.IPv6, allow: OutboundAllow): boolean {
  return allow.ranges.some(([net, bits]) => net.kind() === addr.kind() && addr.match(net, bits));
}

/**
 * Why an outgoing request may not reach this address, or undefined when it may. Every
 * range but ordinary unicast is refused (loopback, private, link-local, multicast,
 * unspecified, carrier-grade NAT, unique-local, reserved, 6to4/Teredo/NAT64 which
 * embed an IPv4 address...). IPv4-mapped IPv6 is judged as the IPv4 address it carries.
 *
 * @example refusalOf('169.254.169.254', NOTHING_ALLOWED) // 'linkLocal address 169.254.169.254'
 */
export function refusalOf(address: string, allow: OutboundAllow): string | undefined {
  const literal = address.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(literal)) return `unparsable address ${address}`;
  const addr = ipaddr.process(literal);
  if (allowedAddress(addr, allow)) return undefined;
  const range = addr.range();
  return range === 'unicast' ? undefined : `${range} address ${addr.toString()}`;
}

/** `localhost` and its subdomains always mean this machine (RFC 6761), whatever DNS says. */
function isLocalName(host: string): boolean {
  return host === 'localhost' || host.endsWith('.localhost');
}

function refusedMessage(host: string, why: string): string {
  return `refused: ${host} is a ${why}; outgoing requests may not reach it unless OUTBOUND_ALLOW lists it`;
}

/**
 * Checks a URL's host before connecting: an IP literal (the URL parser has already
 * turned `2130706433`, `0x7f000001`, `0177.1` and `127.1` into `127.0.0.1`) or a local
 * name. Names are checked again, on every address they resolve to, at connect time.
 */
export function checkUrlHost(url: URL, allow: OutboundAllow): void {
  const host = url.hostname.toLowerCase().replace(/\.$/, '');
  if (allow.hosts.has(host)) return;
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (isIP(literal) !== 0) {
    const why = refusalOf(literal, allow);
    if (why !== undefined)
      throw new OutboundRefusedError(refusedMessage(url.hostname, why), url.hostname);
  } else if (isLocalName(host))
    throw new OutboundRefusedError(refusedMessage(url.hostname, 'local name'), url.hostname);
}

/** Resolves a name to all its addresses (injected in tests: no real DNS, no packet). */
export type Resolve = (hostname: string) => Promise<readonly LookupAddress[]>;

export const systemResolve: Resolve = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) =>
      err ? reject(err) : resolve(addresses),
    ),
  );

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** The `lookup` signature `net.connect` calls (with `all: true` when it tries every address). */
export type ConnectLookup = (
  hostname: string,
  options: { all?: boolean; family?: number | string },
  callback: LookupCallback,
) => void;

/**
 * A `lookup` for `net.connect` that resolves once, refuses if ANY resolved address is
 * refused, and hands the socket exactly the addresses it checked: a name cannot
 * resolve to a public address for the check and to a private one for the connection
 * (DNS rebinding).
 */
export function guardedLookup(
  allow: OutboundAllow,
  resolve: Resolve = systemResolve,
): ConnectLookup {
  return (hostname, options, callback) => {
    const host = hostname.toLowerCase().replace(/\.$/, '');
    resolve(host)
      .then((addresses) => {
        if (addresses.length === 0) throw new Error(`${hostname} has no address`);
        if (!allow.hosts.has(host)) {
          if (isLocalName(host))
            throw new OutboundRefusedError(refusedMessage(hostname, 'local name'), hostname);
          for (const a of addresses) {
            const why = refusalOf(a.address, allow);
            if (why !== undefined)
              throw new OutboundRefusedError(
                refusedMessage(`${hostname} (${a.address})`, why),
                `${hostname} (${a.address})`,
              );
          }
        }
        const family =
          options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
        const usable =
          family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
        if (usable.length === 0) throw new Error(`${hostname} has no IPv${family} address`);
        if (options.all === true) callback(null, [...usable]);
        else callback(null, usable[0]!.address, usable[0]!.family);
      })
      .catch((e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), ''));
  };
}
