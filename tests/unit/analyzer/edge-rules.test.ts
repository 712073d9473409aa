import { describe, expect, it } from 'vitest';
import { analyzeModel, type AutomationModel, type Robot } from '../../../schemas/index.js';
import { validModel } from './fixtures/valid-model.js';

const immediate = { kind: 'immediate' } as const;
const codes = (m: AutomationModel) => analyzeModel(m).map((d) => `${d.code} ${d.path}`);
/** Adds a robot to the "preparing" stage of logistics (pipeline 1, stage 1). */
const withRobot = (robot: Robot): AutomationModel => {
  const m = validModel();
  m.pipelines[1]!.stages[1]!.robots.push(robot);
  return m;
};
const comment = (text: string): Robot => ({
  id: 'note',
  timing: immediate,
  action: { type: 'add_comment', text },
});

describe('placeholders', () => {
  it('accepts loop locals, assigned variables, event keys and person keys', () => {
    const text =
      '{% for t in record.tags %}{{ t }}{% endfor %}{% assign a = record.amount %}{{ a }} {{ event.anything.deep }} {{ manager.email }} {{ company.industry }}';
    expect(codes(withRobot(comment(text)))).toEqual([]);
  });

  it('rejects unknown person keys and unknown contact fields', () => {
    const found = codes(withRobot(comment('{{ responsible.phone }} {{ contact.amount }}')));
    expect(found).toEqual([
      'UNKNOWN_PLACEHOLDER /pipelines/1/stages/1/robots/2/action/text',
      'UNKNOWN_PLACEHOLDER /pipelines/1/stages/1/robots/2/action/text',
    ]);
  });

  it('checks an unused template against any entity', () => {
    const m = validModel();
    m.templates!.push({
      key: 'spare',
      kind: 'email',
      name: 'Spare',
      body: '{{ record.source }} {{ record.closeDate }}',
    });
    expect(codes(m)).toEqual([]);
    m.templates![3]!.body = '{{ record.nothing }}';
    expect(codes(m)).toEqual(['UNKNOWN_PLACEHOLDER /templates/3/body']);
  });
});

describe('conditions', () => {
  it('does not read element variables of map/filter/some as record fields', () => {
    const m = withRobot({
      id: 'vip_only',
      condition: { some: [{ var: 'tags' }, { '==': [{ var: '' }, 'vip'] }] },
      timing: immediate,
      action: { type: 'add_comment', text: 'VIP' },
    });
    expect(codes(m)).toEqual([]);
  });

  it('accepts $now, $event and built-in paths, and numeric text for numbers', () => {
    const m = withRobot({
      id: 'fine',
      condition: {
        and: [
          { '<': [{ var: 'meeting_at' }, { var: '$now' }] },
          { '>': [{ var: '$event.sum' }, 'abc'] },
          { '==': [{ var: 'entity' }, 'deal'] },
          { '>': [{ var: 'amount' }, '1000'] },
          { '<': [{ var: 'closeDate' }, '2025-12-31'] },
          { in: [{ var: 'product' }, ['a', 'b']] },
        ],
      },
      timing: immediate,
      action: { type: 'add_comment', text: 'x' },
    });
    expect(codes(m)).toEqual([]);
  });

  it('checks the options of an enum field used with in', () => {
    const m = withRobot({
      id: 'bad_in',
      condition: {
        and: [{ in: [{ var: 'product' }, ['a', 'z']] }, { in: ['gold', { var: 'tags' }] }],
      },
      timing: immediate,
      action: { type: 'add_comment', text: 'x' },
    });
    expect(codes(m)).toEqual([
      'CONDITION_TYPE_MISMATCH /pipelines/1/stages/1/robots/2/condition/and/0/in/1/1',
      'CONDITION_TYPE_MISMATCH /pipelines/1/stages/1/robots/2/condition/and/1/in/0',
    ]);
  });
});

describe('cycles', () => {
  it('ignores a field_changed trigger that would move the record backwards without allowBackwards', () => {
    const m = validModel();
    const logistics = m.pipelines[1]!;
    logistics.stages[2]!.robots.push({
      id: 'hand',
      timing: immediate,
      action: { type: 'change_stage', stage: 'handed' },
    });
    logistics.stages[3]!.robots.push({
      id: 'rebook',
      timing: immediate,
      action: { type: 'update_fields', set: [{ field: 'courier_booked', value: true }] },
    });
    expect(codes(m)).toEqual([]);
  });

  it('calls a loop with a conditional trigger possible, not certain', () => {
    const m = validModel();
    const sales = m.pipelines[0]!;
    // logistics/handed -> sales/shipped exists; close it: shipped creates a logistics deal in "handed".
    sales.stages[3]!.robots.push({
      id: 'reship',
      timing: immediate,
      action: {
        type: 'create_linked_record',
        entity: 'deal',
        pipeline: 'logistics',
        stage: 'handed',
      },
    });
    expect(codes(m)).toEqual(['CYCLE /pipelines/0/stages/3/robots/1']);
    sales.stages[3]!.triggers[0]!.condition = { '>': [{ var: 'amount' }, 0] };
    expect(codes(m)).toEqual(['POSSIBLE_CYCLE /pipelines/0/stages/3/robots/1']);
  });

  it('calls a loop through a robot that waits for working hours possible, in either spelling', () => {
    for (const workingHours of [true, 'shift'] as const) {
      const m = validModel();
      m.pipelines[0]!.stages[3]!.robots.push({
        id: 'reship',
        timing: { kind: 'immediate', workingHours },
        action: {
          type: 'create_linked_record',
          entity: 'deal',
          pipeline: 'logistics',
          stage: 'handed',
        },
      });
      expect(codes(m), String(workingHours)).toEqual([
        'POSSIBLE_CYCLE /pipelines/0/stages/3/robots/1',
      ]);
    }
  });
});
