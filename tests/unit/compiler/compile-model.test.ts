import { describe, expect, it } from 'vitest';
import {
  compileModel,
  STANDARD_FIELDS,
  stringifyRuleSet,
  validateModelSchema,
  validateRuleSetSchema,
  type AutomationModel,
} from '../../../schemas/index.js';

function model(): AutomationModel {
  return {
    schemaVersion: 1,
    id: 'small',
    name: 'Small',
    entities: {
      deal: {
        fields: [
          {
            key: 'product',
            label: 'Product',
            type: 'enum',
            required: true,
            options: [
              { key: 'a', label: 'A' },
              { key: 'b', label: 'B' },
            ],
          },
          { key: 'meeting_at', label: 'Meeting', type: 'datetime' },
        ],
      },
    },
    pipelines: [
      {
        key: 'sales',
        name: 'Sales',
        entity: 'deal',
        stages: [
          {
            key: 'new',
            name: 'New',
            kind: 'in_progress',
            requiredFields: ['product'],
            robots: [
              {
                id: 'to_work',
                timing: { kind: 'delay', duration: { value: 1, unit: 'hours' } },
                action: { type: 'change_stage', stage: 'work' },
              },
              {
                id: 'give',
                condition: { '>': [{ var: 'amount' }, 10] },
                timing: { kind: 'immediate' },
                action: { type: 'assign', target: { kind: 'user', user: 'ivanov' } },
              },
            ],
            triggers: [
              { id: 'paid', type: 'payment_received' },
              { id: 'chat', type: 'incoming_message', channel: 'telegram', allowBackwards: true },
            ],
          },
          {
            key: 'work',
            name: 'Work',
            kind: 'in_progress',
            robots: [
              {
                id: 'confirm',
                timing: {
                  kind: 'relative_to_field',
                  field: 'meeting_at',
                  direction: 'before',
                  offset: { value: 2, unit: 'hours' },
                },
                onLeaveStage: 'keep',
                action: {
                  type: 'create_task',
                  title: 'Confirm',
                  assignee: { kind: 'responsible' },
                },
              },
            ],
            triggers: [
              {
                id: 'shipped',
                type: 'linked_record_stage',
                entity: 'deal',
                pipeline: 'logistics',
                stage: 'handed',
              },
              {
                id: 'meeting_day',
                type: 'date_reached',
                field: 'meeting_at',
                direction: 'before',
                offset: { value: 1, unit: 'days' },
              },
            ],
          },
        ],
      },
    ],
    layout: { nodes: { 'robot:give': { x: 10, y: 20 } } },
  };
}

describe('compileModel', () => {
  it('starts from a schema-valid model and gives a schema-valid rule set', () => {
    expect(validateModelSchema(model())).toEqual([]);
    expect(validateRuleSetSchema(compileModel(model()))).toEqual([]);
  });

  it('orders rules by pipeline, stage, then robots before triggers', () => {
    expect(compileModel(model()).rules.map((r) => r.id)).toEqual([
      'robot:to_work',
      'robot:give',
      'trigger:paid',
      'trigger:chat',
      'robot:confirm',
      'trigger:shipped',
      'trigger:meeting_day',
    ]);
  });

  it('compiles a robot with its defaults spelled out', () => {
    const [toWork, give] = compileModel(model()).rules;
    expect(toWork).toEqual({
      id: 'robot:to_work',
      source: { kind: 'robot', id: 'to_work', pipeline: 'sales', stage: 'new', index: 0 },
      entity: 'deal',
      event: 'stage_entered',
      pipeline: 'sales',
      stage: 'new',
      condition: true,
      timing: { kind: 'delay', duration: { value: 1, unit: 'hours' } },
      onLeaveStage: 'cancel',
      actions: [{ type: 'change_stage', pipeline: 'sales', stage: 'work' }],
    });
    expect(give).toMatchObject({
      condition: { '>': [{ var: 'amount' }, 10] },
      source: { index: 1 },
      actions: [
        { type: 'assign', target: { kind: 'user', user: 'ivanov' }, skipUnavailable: true },
      ],
    });
    expect(give).not.toHaveProperty('onAnchorChange');
  });

  it('keeps explicit policies and adds onAnchorChange only to field-anchored timings', () => {
    const confirm = compileModel(model()).rules.find((r) => r.id === 'robot:confirm');
    expect(confirm).toMatchObject({ onLeaveStage: 'keep', onAnchorChange: 'replan' });
    const m = model();
    const robot = m.pipelines[0]?.stages[1]?.robots[0];
    if (robot === undefined) throw new Error('fixture changed');
    robot.onAnchorChange = 'keep';
    expect(compileModel(m).rules.find((r) => r.id === 'robot:confirm')?.onAnchorChange).toBe(
      'keep',
    );
  });

  it('keeps an explicit change_stage pipeline and skipUnavailable: false', () => {
    const m = model();
    const stage = m.pipelines[0]?.stages[0];
    if (stage === undefined) throw new Error('fixture changed');
    stage.robots = [
      {
        id: 'other',
        timing: { kind: 'immediate' },
        action: { type: 'change_stage', pipeline: 'archive', stage: 'old' },
      },
      {
        id: 'strict',
        timing: { kind: 'immediate' },
        action: { type: 'assign', target: { kind: 'queue', queue: 'q' }, skipUnavailable: false },
      },
    ];
    const [other, strict] = compileModel(m).rules;
    expect(other?.actions).toEqual([{ type: 'change_stage', pipeline: 'archive', stage: 'old' }]);
    expect(strict?.actions).toEqual([
      { type: 'assign', target: { kind: 'queue', queue: 'q' }, skipUnavailable: false },
    ]);
  });

  it('compiles triggers into a change_stage to their own stage with their parameters as match', () => {
    const rules = compileModel(model()).rules;
    const byId = (id: string) => rules.find((r) => r.id === id);
    expect(byId('trigger:paid')).toEqual({
      id: 'trigger:paid',
      source: { kind: 'trigger', id: 'paid', pipeline: 'sales', stage: 'new', index: 0 },
      entity: 'deal',
      event: 'payment_received',
      pipeline: 'sales',
      stage: 'new',
      match: {},
      condition: true,
      allowBackwards: false,
      actions: [{ type: 'change_stage', pipeline: 'sales', stage: 'new' }],
    });
    expect(byId('trigger:chat')).toMatchObject({
      match: { channel: 'telegram' },
      allowBackwards: true,
      source: { index: 1 },
    });
    expect(byId('trigger:shipped')).toMatchObject({
      event: 'linked_record_stage',
      stage: 'work',
      match: { entity: 'deal', pipeline: 'logistics', stage: 'handed' },
      actions: [{ type: 'change_stage', pipeline: 'sales', stage: 'work' }],
    });
    expect(byId('trigger:meeting_day')?.match).toEqual({
      field: 'meeting_at',
      direction: 'before',
      offset: { value: 1, unit: 'days' },
    });
  });

  it('keeps a null condition null (it is falsy, not "always")', () => {
    const m = model();
    const robot = m.pipelines[0]?.stages[0]?.robots[0];
    if (robot === undefined) throw new Error('fixture changed');
    robot.condition = null;
    expect(compileModel(m).rules[0]?.condition).toBeNull();
  });

  it('lists standard fields, then custom fields without labels', () => {
    const { fields } = compileModel(model());
    expect(fields.deal.map((f) => f.key)).toEqual([
      ...STANDARD_FIELDS.deal.map((f) => f.key),
      'product',
      'meeting_at',
    ]);
    expect(fields.deal.find((f) => f.key === 'product')).toEqual({
      key: 'product',
      type: 'enum',
      required: true,
      options: ['a', 'b'],
    });
    expect(fields.deal.find((f) => f.key === 'contact')).toEqual({
      key: 'contact',
      type: 'link',
      linkEntity: 'contact',
    });
    expect(fields.lead.map((f) => f.key)).toEqual(STANDARD_FIELDS.lead.map((f) => f.key));
  });

  it('carries pipelines with their names beside their keys, an empty directory and no defaultCalendar when the model has none', () => {
    const ruleSet = compileModel(model());
    expect(ruleSet.pipelines).toEqual([
      {
        key: 'sales',
        name: 'Sales',
        entity: 'deal',
        stages: [
          { key: 'new', name: 'New', kind: 'in_progress', requiredFields: ['product'] },
          { key: 'work', name: 'Work', kind: 'in_progress' },
        ],
      },
    ]);
    expect(ruleSet.directory).toEqual({ users: [], departments: [], queues: [] });
    expect(ruleSet.templates).toEqual([]);
    expect(ruleSet.calendars).toEqual([]);
    expect(ruleSet).not.toHaveProperty('defaultCalendar');
    expect(ruleSet.model).toEqual({ id: 'small', name: 'Small' });
  });

  it('keeps names in Cyrillic as the admin typed them', () => {
    const m = model();
    m.pipelines[0]!.name = 'Продажи';
    m.pipelines[0]!.stages[0]!.name = 'Новая заявка';
    const [pipeline] = compileModel(m).pipelines;
    expect(pipeline?.name).toBe('Продажи');
    expect(pipeline?.stages[0]?.name).toBe('Новая заявка');
  });

  it('sorts the keys of every object, JSON-Logic included', () => {
    const m = model();
    const robot = m.pipelines[0]?.stages[0]?.robots[1];
    if (robot === undefined) throw new Error('fixture changed');
    robot.condition = { and: [{ z: 1, a: 2 }] };
    const text = stringifyRuleSet(compileModel(m));
    const keysInOrder = (v: unknown): boolean => {
      if (Array.isArray(v)) return v.every(keysInOrder);
      if (typeof v !== 'object' || v === null) return true;
      const keys = Object.keys(v);
      return (
        keys.every((k, i) => i === 0 || (keys[i - 1] ?? '') < k) &&
        Object.values(v).every(keysInOrder)
      );
    };
    expect(keysInOrder(JSON.parse(text))).toBe(true);
    expect(text.indexOf('"actions"')).toBeLessThan(text.indexOf('"condition"'));
    expect(text).toContain('"a": 2,\n');
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('ignores the layout: moving or dropping nodes changes nothing', () => {
    const before = stringifyRuleSet(compileModel(model()));
    const moved = model();
    moved.layout = {
      nodes: { 'robot:give': { x: 999, y: -5 }, 'stage:sales/new': { x: 1, y: 2 } },
    };
    const { layout: _layout, ...dropped } = model();
    expect(stringifyRuleSet(compileModel(moved))).toBe(before);
    expect(stringifyRuleSet(compileModel(dropped))).toBe(before);
  });

  it('shares nothing with the model', () => {
    const m = model();
    const ruleSet = compileModel(m);
    const timing = ruleSet.rules[0]?.timing;
    if (timing?.kind !== 'delay') throw new Error('fixture changed');
    timing.duration.value = 99;
    expect(m.pipelines[0]?.stages[0]?.robots[0]?.timing).toEqual({
      kind: 'delay',
      duration: { value: 1, unit: 'hours' },
    });
  });

  it('does not throw on a condition nested far deeper than the call stack', () => {
    let deep: unknown = { var: 'amount' };
    for (let i = 0; i < 50_000; i++) deep = { '!': [deep] };
    const m = model();
    const robot = m.pipelines[0]?.stages[0]?.robots[0];
    if (robot === undefined) throw new Error('fixture changed');
    robot.condition = deep;
    expect(() => compileModel(m)).not.toThrow();
  });
});
