import type { SimulationResult } from '../../schemas/index.js';
import { formatMinute } from './durations.js';

/** Engine bookkeeping that makes a readable timeline harder to read. */
const QUIET_KINDS: ReadonlySet<string> = new Set(['event']);

/**
 * A simulation as text: one line per timeline entry
 * (`+00:15  deal d2  robot:remind  fired  ...`), then the expectations.
 *
 * @example io.out(formatSimulation(await runSimulation({ scenario, model })));
 */
export function formatSimulation(r: SimulationResult): string {
  const entityOf = new Map(r.records.map((x) => [String(x.id), String(x.entity)]));
  const version = r.model.version === 0 ? 'draft' : `version ${r.model.version}`;
  const lines = [`Simulation of ${r.model.id} (${version}) from ${r.start} to ${r.end}`, ''];
  for (const e of r.timeline) {
    if (QUIET_KINDS.has(e.kind)) continue;
    const who = `${entityOf.get(e.recordId) ?? ''} ${e.ref}`.trim();
    const what = e.nodeId ?? e.ruleId ?? e.kind;
    const message =
      e.ruleId !== undefined && e.message.startsWith(`${e.ruleId}: `)
        ? e.message.slice(e.ruleId.length + 2)
        : e.message;
    const outcome = e.outcome ?? (e.nodeId === undefined ? '' : e.kind);
    lines.push(
      [
        formatMinute(e.minute).padEnd(10),
        who.padEnd(14),
        what.padEnd(30),
        outcome.padEnd(10),
        message,
      ]
        .join('  ')
        .trimEnd(),
    );
  }
  lines.push('');
  lines.push(
    `${r.records.length} record(s), ${r.tasks.length} task(s), ${r.notifications.length} notification(s), ${r.outbox.length} outbox item(s), ${r.timers.length} pending timer(s); ${r.stats.timersFired} timer(s) fired`,
  );
  if (r.stopped !== undefined) lines.push(`STOPPED: ${r.stopped}`);
  if (r.expectations.length > 0) {
    const met = r.expectations.filter((e) => e.passed).length;
    lines.push('', `Expectations: ${met}/${r.expectations.length} met`);
    for (const e of r.expectations) {
      const actual = e.passed ? '' : ` (actual: ${JSON.stringify(e.actual ?? null)})`;
      lines.push(`  ${e.passed ? 'ok  ' : 'FAIL'}  #${e.index} ${e.description}${actual}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
