import ipaddr from 'ipaddr.js';
import type { Diagnostic } from '../diagnostics.js';
import { diagnostic, type Check } from './diagnostic.js';
import { nodeName } from './display-names.js';
import { forEachRobot } from './walk-model.js';

/**
 * What kind of special-use host a literal URL names, or undefined for an ordinary one
 * (or one whose host is a template). The URL parser writes every spelling of an
 * address in one form first: `2130706433`, `0x7f000001` and `127.1` become `127.0.0.1`.
 */
export function privateHostKind(url: string): string | undefined {
  if (/\{[{%]/.test(url.split('/').slice(0, 3).join('/'))) return undefined;
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase().replace(/\.$/, '');
  } catch {
    return undefined;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) return 'localName';
  const literal = host.replace(/^\[(.*)\]$/, '$1');
  if (!ipaddr.isValid(literal)) return undefined;
  const range = ipaddr.process(literal).range();
  return range === 'unicast' ? undefined : range;
}

/**
 * A webhook to a loopback, private, link-local... address reaches inside the server's
 * own network (SSRF): the runtime refuses it unless `OUTBOUND_ALLOW` lists it, so the
 * admin hears about it at publish. A warning, since an operator may allow it.
 */
export const checkPrivateUrls: Check = (model) => {
  const out: Diagnostic[] = [];
  forEachRobot(model, (robot, site) => {
    if (robot.action.type !== 'webhook') return;
    const kind = privateHostKind(robot.action.url);
    if (kind === undefined) return;
    const robotName = nodeName(robot);
    out.push(
      diagnostic(
        'PRIVATE_URL',
        'warning',
        `${site.path}/action/url`,
        `robot "${robotName}" calls ${robot.action.url}, a ${kind} address the server refuses unless OUTBOUND_ALLOW lists it`,
        site.nodeId,
        { robot: robotName, url: robot.action.url, kind },
      ),
    );
  });
  return out;
};
