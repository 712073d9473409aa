import { describe, expect, it } from 'vitest';
import {
  analyzeModel,
  type AssignRule,
  type AutomationModel,
  type Diagnostic,
} from '../../../schemas/index.js';
import { validModel } from './fixtures/valid-model.js';

const SIDOROV = { kind: 'user', user: 'sidorov' } as const;
const PETROV = { kind: 'user', user: 'petrov' } as const;
const QUEUE = { kind: 'queue', queue: 'managers' } as const;
const amount = (op: string, n: number) => ({ [op]: [{ var: 'amount' }, n] });

/** The sales pipeline's "distribute" robot (deals; Product is an enum of A and B). */
function withTable(rules: AssignRule[], otherwise?: AssignRule['target']): AutomationModel {
  const m = validModel();
  const robot = m.pipelines[0]!.stages[0]!.robots.find((r) => r.id === 'distribute')!;
  robot.action = {
    type: 'assign',
    target: { kind: 'rules', rules, ...(otherwise ? { otherwise } : {}) },
  };
  return m;
}

const findings = (m: AutomationModel, code: string): Diagnostic[] =>
  analyzeModel(m).filter((d) => d.code === code);

describe('assignment tables that mix numeric and text rows', () => {
  it('"amount > 500,000 -> Sidorov; product B -> Petrov; amount < 500,000 -> queue" leaves amount exactly 500,000 with product A unassigned', () => {
    const gaps = findings(
      withTable([
        { condition: amount('>', 500000), target: SIDOROV },
        { condition: { '==': [{ var: 'product' }, 'b'] }, target: PETROV },
        { condition: amount('<', 500000), target: QUEUE },
      ]),
      'ASSIGNMENT_GAP',
    );
    expect(gaps).toHaveLength(1);
    expect(gaps[0]!.severity).toBe('warning');
    expect(gaps[0]!.path).toMatch(/\/action\/target\/rules$/);
    expect(gaps[0]!.message).toContain('Amount exactly 500,000 with Product "Product A"');
    expect(gaps[0]!.params).toEqual({
      example: 'Amount = 500,000; Product = "Product A"',
      more: 0,
    });
  });

  it('a text field that is not an enum: the gap is "any other value" than the ones named', () => {
    const gaps = findings(
      withTable([
        { condition: { '==': [{ var: 'source' }, 'web'] }, target: SIDOROV },
        { condition: { in: [{ var: 'source' }, ['phone', 'email']] }, target: PETROV },
      ]),
      'ASSIGNMENT_GAP',
    );
    expect(gaps.map((d) => d.message)).toEqual([
      expect.stringContaining('other than "web" and "phone" and "email" is not assigned'),
    ]);
  });

  it('rows that together cover every case give no gap', () => {
    const model = withTable([
      {
        condition: { and: [amount('>=', 500000), { '==': [{ var: 'product' }, 'a'] }] },
        target: SIDOROV,
      },
      { condition: { '==': [{ var: 'product' }, 'b'] }, target: PETROV },
      { condition: amount('<', 500000), target: QUEUE },
    ]);
    expect(findings(model, 'ASSIGNMENT_GAP')).toEqual([]);
    expect(findings(model, 'ASSIGNMENT_NOT_CHECKED')).toEqual([]);
  });

  it('several uncovered cases: the first is the example, the others are counted', () => {
    const [gap] = findings(
      withTable([
        {
          condition: { and: [amount('>', 100), { '==': [{ var: 'product' }, 'a'] }] },
          target: SIDOROV,
        },
        { condition: { '==': [{ var: 'renewed' }, true] }, target: PETROV },
      ]),
      'ASSIGNMENT_GAP',
    );
    expect(gap?.params?.example).toBe('Amount ≤ 100; Product = "Product A"; Renewed = no');
    expect(gap?.params?.more).toBe(1);
    expect(gap?.message).toContain('Amount 100 or less with Product "Product A" with Renewed no');
  });

  it('a row beyond the analysis is said as an info, not silence', () => {
    const model = withTable([
      { condition: amount('>', 500000), target: SIDOROV },
      { condition: { in: ['vip', { var: 'title' }] }, target: PETROV },
    ]);
    expect(findings(model, 'ASSIGNMENT_GAP')).toEqual([]);
    const [info] = findings(model, 'ASSIGNMENT_NOT_CHECKED');
    expect(info).toMatchObject({
      severity: 'info',
      path: expect.stringMatching(/\/action\/target\/rules\/1\/condition$/),
      params: { variant: 'rule', rule: 2 },
    });
    expect(info?.message).toContain('rule 2 is beyond what the gap check can decide');
  });

  it('a table with "otherwise" is neither checked for gaps nor reported as unchecked', () => {
    const model = withTable(
      [{ condition: { in: ['vip', { var: 'title' }] }, target: PETROV }],
      QUEUE,
    );
    expect(findings(model, 'ASSIGNMENT_GAP')).toEqual([]);
    expect(findings(model, 'ASSIGNMENT_NOT_CHECKED')).toEqual([]);
  });

  it('too many combinations to look at is an info on the table', () => {
    const rules: AssignRule[] = [];
    for (let i = 0; i < 70; i += 1)
      rules.push({
        condition: { and: [amount('==', i), { '==': [{ var: 'discount' }, i] }] },
        target: SIDOROV,
      });
    const [info] = findings(withTable(rules), 'ASSIGNMENT_NOT_CHECKED');
    expect(info).toMatchObject({
      path: expect.stringMatching(/\/rules$/),
      params: { variant: 'table' },
    });
  });
});
