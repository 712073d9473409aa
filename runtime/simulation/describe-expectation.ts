import type { Expectation } from '../../schemas/index.js';
import { durationMs, formatMinute, MINUTE_MS } from './durations.js';

const at = (e: Expectation): string =>
  e.at === undefined ? 'at the end' : `at ${formatMinute(durationMs(e.at) / MINUTE_MS)}`;

function window(e: Expectation): string {
  if (e.between === undefined) return '';
  const [from, to] = e.between.map((d) => formatMinute(durationMs(d) / MINUTE_MS));
  return from === to ? ` at ${from}` : ` between ${from} and ${to}`;
}

const count = (e: Expectation): string =>
  e.count === undefined ? 'at least one' : e.count === 0 ? 'no' : `exactly ${e.count}`;

const props = (o: object): string =>
  Object.entries(o)
    .map(([k, v]) => `${k} ${JSON.stringify(v)}`)
    .join(', ');

/**
 * One line saying what an expectation asks, for reports and test failures.
 *
 * @example describeExpectation({ ref: 'd2', stage: 'new', at: { value: 15, unit: 'minutes' } })
 *   === 'd2 in stage new at +00:15'
 */
export function describeExpectation(e: Expectation): string {
  if (e.note !== undefined) return e.note;
  if (e.ref !== undefined) {
    const parts: string[] = [];
    if (e.exists === false) parts.push('does not exist');
    if (e.exists === true) parts.push('exists');
    if (e.pipeline !== undefined) parts.push(`in pipeline ${e.pipeline}`);
    if (e.stage !== undefined) parts.push(`in stage ${e.stage}`);
    if (e.field !== undefined) parts.push(`${e.field} = ${JSON.stringify(e.equals)}`);
    return `${e.ref} ${parts.join(', ')} ${at(e)}`;
  }
  if (e.records !== undefined) return `${count(e)} record(s) with ${props(e.records)} ${at(e)}`;
  if (e.notification !== undefined)
    return `${count(e)} notification(s) ${props(e.notification)}${window(e)}`;
  if (e.outbox !== undefined) return `${count(e)} outbox item(s) ${props(e.outbox)}${window(e)}`;
  if (e.task !== undefined) return `${count(e)} task(s) ${props(e.task)}${window(e)}`;
  if (e.rule !== undefined)
    return `${count(e)} ${e.rule.nodeId} ${e.rule.outcome ?? 'fired'}${e.rule.ref === undefined ? '' : ` on ${e.rule.ref}`}${window(e)}`;
  if (e.step !== undefined) return `${count(e)} step(s) ${props(e.step)}${window(e)}`;
  return 'empty expectation';
}
