import type { Diagnostic } from '../diagnostics.js';
import type { AssignTarget } from '../model/assignment.js';
import { describeIntervals, findGapsAndOverlaps } from './assignment-coverage.js';
import { diagnostic, type Check } from './diagnostic.js';
import { numericIntervals } from './numeric-intervals.js';
import { forEachRobot } from './walk-model.js';

function checkTable(
  target: AssignTarget | undefined,
  at: string,
  nodeId: string,
  out: Diagnostic[],
): void {
  if (target?.kind !== 'rules') return;
  const conditions = target.rules.map((r) => r.condition);
  const { field, gaps, overlaps } = findGapsAndOverlaps(conditions, target.otherwise !== undefined);
  const label = (i: number): string => {
    const p = numericIntervals(conditions[i]);
    return p ? `rule ${i + 1} (${p.field} ${describeIntervals(p.intervals)})` : `rule ${i + 1}`;
  };
  for (const gap of gaps)
    out.push(
      diagnostic(
        'ASSIGNMENT_GAP',
        'warning',
        `${at}/rules`,
        `${field ?? 'the value'} ${describeIntervals([gap])} is not assigned: no rule matches it and there is no "otherwise"`,
        nodeId,
      ),
    );
  for (const o of overlaps) {
    const by = o.by.map(label).join(' and ');
    const p = numericIntervals(conditions[o.rule]);
    out.push(
      diagnostic(
        'ASSIGNMENT_OVERLAP',
        'warning',
        `${at}/rules/${o.rule}/condition`,
        o.whole
          ? `${label(o.rule)} can never fire: ${by} already take all its values (the first matching rule wins)`
          : `${label(o.rule)} overlaps ${by}: for ${p?.field ?? 'the value'} ${describeIntervals(o.intervals)} the earlier rule wins`,
        nodeId,
      ),
    );
  }
}

/**
 * Assignment tables (`target.kind === "rules"`) whose rules compare one numeric field
 * with numbers: values no rule takes (when there is no "otherwise") and rules that
 * an earlier rule shadows in part or whole. Other rules are ignored here.
 */
export const checkAssignmentTables: Check = (model) => {
  const out: Diagnostic[] = [];
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    if (a.type === 'assign') checkTable(a.target, `${site.path}/action/target`, site.nodeId, out);
    if (a.type === 'create_linked_record')
      checkTable(a.assign, `${site.path}/action/assign`, site.nodeId, out);
  });
  return out;
};
