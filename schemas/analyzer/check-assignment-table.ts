import type { Diagnostic } from '../diagnostics.js';
import type { EntityType } from '../model/common.js';
import type { AssignTarget } from '../model/assignment.js';
import type { AnalysisContext } from './analysis-context.js';
import {
  analyzeAssignmentCases,
  type CaseValue,
  type FieldHint,
  type GapCase,
} from './assignment-cases.js';
import { describeInterval, describeIntervals, findGapsAndOverlaps } from './assignment-coverage.js';
import { diagnostic, type Check } from './diagnostic.js';
import { fieldName, optionName } from './display-names.js';
import { type Interval, numericIntervals } from './numeric-intervals.js';
import { forEachRobot } from './walk-model.js';

const NUMBER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 20 });

/** An interval in signs any reader follows: `= 500,000`, `< 10`, `> 1, ≤ 5`. */
export function signInterval(i: Interval): string {
  const f = (n: number): string => NUMBER.format(n);
  if (i.lo === -Infinity && i.hi === Infinity) return '*';
  if (i.lo === i.hi) return `= ${f(i.lo)}`;
  const lo = i.lo === -Infinity ? '' : `${i.loIncl ? '≥' : '>'} ${f(i.lo)}`;
  const hi = i.hi === Infinity ? '' : `${i.hiIncl ? '≤' : '<'} ${f(i.hi)}`;
  return [lo, hi].filter(Boolean).join(', ');
}

interface Names {
  readonly field: (key: string) => string;
  readonly value: (field: string, v: string | boolean) => string;
}

const quote = (s: string): string => `"${s}"`;

/** One field of a gap case, in words (`Amount exactly 500,000`, `Product "Product A"`). */
function caseWords(names: Names, field: string, v: CaseValue): string {
  const name = names.field(field);
  if (v.kind === 'interval') return `${name} ${describeInterval(v.interval)}`;
  if (v.kind === 'value') return `${name} ${names.value(field, v.value)}`;
  return `${name} other than ${v.named.map((x) => names.value(field, x)).join(' and ')}`;
}

/** The same in signs, for templates in any language (`Amount = 500,000; Product = "A"`). */
function caseSigns(names: Names, field: string, v: CaseValue): string {
  const name = names.field(field);
  if (v.kind === 'interval') return `${name} ${signInterval(v.interval)}`;
  if (v.kind === 'value') return `${name} = ${names.value(field, v.value)}`;
  return `${name} ≠ ${v.named.map((x) => names.value(field, x)).join(', ')}`;
}

function namesFor(ctx: AnalysisContext, entity: EntityType): Names {
  return {
    field: (key) => fieldName(ctx, entity, key),
    value: (field, v) =>
      typeof v === 'boolean' ? (v ? 'yes' : 'no') : quote(optionName(ctx, entity, field, v)),
  };
}

function hintFor(ctx: AnalysisContext, entity: EntityType): (field: string) => FieldHint {
  return (key) => {
    const f = ctx.fields[entity].get(key);
    if (f?.type === 'boolean') return { boolean: true };
    if (f?.type === 'enum' && f.options && !f.multiple) return { options: [...f.options] };
    return {};
  };
}

interface Table {
  readonly target: AssignTarget | undefined;
  readonly at: string;
  readonly nodeId: string;
  readonly entity: EntityType;
}

/** Gaps of a table mixing fields and kinds of test: one finding with an example case. */
function mixedGaps(ctx: AnalysisContext, t: Table, conditions: unknown[], out: Diagnostic[]): void {
  const result = analyzeAssignmentCases(conditions, hintFor(ctx, t.entity));
  if (!result.decided) {
    const which = result.rule === null ? 'this table' : `rule ${result.rule + 1}`;
    out.push(
      diagnostic(
        'ASSIGNMENT_NOT_CHECKED',
        'info',
        result.rule === null ? `${t.at}/rules` : `${t.at}/rules/${result.rule}/condition`,
        `${which} is beyond what the gap check can decide (${result.reason}), so records no rule takes are not looked for; add an "otherwise" to be sure every record is assigned`,
        t.nodeId,
        result.rule === null
          ? { variant: 'table', reason: result.reason }
          : { variant: 'rule', rule: result.rule + 1, reason: result.reason },
      ),
    );
    return;
  }
  const [first] = result.gaps;
  if (first === undefined) return;
  const names = namesFor(ctx, t.entity);
  const words = (c: GapCase): string =>
    c.map((g) => caseWords(names, g.field, g.value)).join(' with ');
  const signs = (c: GapCase): string => c.map((g) => caseSigns(names, g.field, g.value)).join('; ');
  const more = result.gaps.length - 1;
  out.push(
    diagnostic(
      'ASSIGNMENT_GAP',
      'warning',
      `${t.at}/rules`,
      `${words(first)} is not assigned: no rule matches it and there is no "otherwise"${
        more > 0
          ? ` (nor ${more} more case${more === 1 ? '' : 's'}: ${result.gaps.slice(1, 4).map(words).join('; ')}${more > 3 ? '; ...' : ''})`
          : ''
      }`,
      t.nodeId,
      { example: signs(first), more, ...(more > 0 ? { variant: 'more' } : {}) },
    ),
  );
}

function checkTable(ctx: AnalysisContext, t: Table, out: Diagnostic[]): void {
  const target = t.target;
  if (target?.kind !== 'rules') return;
  const conditions = target.rules.map((r) => r.condition);
  const hasOtherwise = target.otherwise !== undefined;
  const { field, gaps, overlaps } = findGapsAndOverlaps(conditions, hasOtherwise);
  const name = (key: string): string => fieldName(ctx, t.entity, key);
  const label = (i: number): string => {
    const p = numericIntervals(conditions[i]);
    return p
      ? `rule ${i + 1} (${name(p.field)} ${describeIntervals(p.intervals)})`
      : `rule ${i + 1}`;
  };
  if (field !== null)
    for (const gap of gaps)
      out.push(
        diagnostic(
          'ASSIGNMENT_GAP',
          'warning',
          `${t.at}/rules`,
          `${name(field)} ${describeIntervals([gap])} is not assigned: no rule matches it and there is no "otherwise"`,
          t.nodeId,
          { example: `${name(field)} ${signInterval(gap)}`, more: 0 },
        ),
      );
  else if (!hasOtherwise) mixedGaps(ctx, t, conditions, out);
  for (const o of overlaps) {
    const by = o.by.map(label).join(' and ');
    const p = numericIntervals(conditions[o.rule]);
    const fieldShown = p ? name(p.field) : 'the value';
    out.push(
      diagnostic(
        'ASSIGNMENT_OVERLAP',
        'warning',
        `${t.at}/rules/${o.rule}/condition`,
        o.whole
          ? `${label(o.rule)} can never fire: ${by} already take all its values (the first matching rule wins)`
          : `${label(o.rule)} overlaps ${by}: for ${fieldShown} ${describeIntervals(o.intervals)} the earlier rule wins`,
        t.nodeId,
        {
          variant: o.whole ? 'whole' : 'part',
          rule: o.rule + 1,
          earlier: o.by.map((i) => i + 1).join(', '),
          example: o.intervals.map((i) => `${fieldShown} ${signInterval(i)}`).join('; '),
        },
      ),
    );
  }
}

/**
 * Assignment tables (`target.kind === "rules"`) without an "otherwise": the cases no
 * row takes (numeric intervals of one field; or, for tables mixing fields and
 * text, the combinations of named values and numeric intervals, see
 * `assignment-cases.ts`), or an info when a table is beyond the analysis. Rows
 * comparing one numeric field that an earlier row shadows in part or whole.
 */
export const checkAssignmentTables: Check = (model, ctx) => {
  const out: Diagnostic[] = [];
  forEachRobot(model, (robot, site) => {
    const a = robot.action;
    const base = { nodeId: site.nodeId };
    if (a.type === 'assign')
      checkTable(
        ctx,
        { ...base, target: a.target, at: `${site.path}/action/target`, entity: site.entity },
        out,
      );
    if (a.type === 'create_linked_record')
      checkTable(
        ctx,
        { ...base, target: a.assign, at: `${site.path}/action/assign`, entity: a.entity },
        out,
      );
  });
  return out;
};
