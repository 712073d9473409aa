import type { AutomationModel, SimulationResult } from '../../schemas/index.js';
import { formatMinute } from './durations.js';

/** Engine bookkeeping that makes a readable timeline harder to read. */
const QUIET_KINDS: ReadonlySet<string> = new Set(['event']);

/** `robot:remind` -> `robot "Remind the manager"` for robots and triggers the admin named. */
function nodeNames(model: AutomationModel | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of model?.pipelines ?? [])
    for (const s of p.stages)
      for (const [kind, list] of [
        ['robot', s.robots],
        ['trigger', s.triggers],
      ] as const)
        for (const n of list)
          if (n.name !== undefined && n.name.trim() !== '')
            out.set(`${kind}:${n.id}`, `${kind} "${n.name.trim()}"`);
  return out;
}

/**
 * A simulation as text: one line per timeline entry
 * (`+00:15  deal d2  robot "Remind"  fired  ...`: the names the admin gave robots and
 * triggers when `model` is given, else their ids), then the expectations.
 *
 * @example io.out(formatSimulation(await runSimulation({ scenario, model })));
 */
export function formatSimulation(r: SimulationResult, model?: AutomationModel): string {
  const names = nodeNames(model);
  const entityOf = new Map(r.records.map((x) => [String(x.id), String(x.entity)]));
  const version = r.model.version === 0 ? 'draft' : `version ${r.model.version}`;
  const lines = [`Simulation of ${r.model.id} (${version}) from ${r.start} to ${r.end}`, ''];
  for (const e of r.timeline) {
    if (QUIET_KINDS.has(e.kind)) continue;
    const who = `${entityOf.get(e.recordId) ?? ''} ${e.ref}`.trim();
    const node = e.nodeId ?? e.ruleId;
    const what = (node === undefined ? undefined : names.get(node)) ?? node ?? e.kind;
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
