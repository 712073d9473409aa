import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileModel, type AutomationModel } from '../../../schemas/index.js';
import type { RecordDoc } from '../../../runtime/domain/record.js';
import type { TimelineEntry } from '../../../runtime/domain/timeline.js';
import type { TimerDoc } from '../../../runtime/domain/timer.js';
import { explainRule } from '../../../runtime/engine/why/explain-rule.js';
import { WHY_MODEL } from './why-model.js';

const GOLDEN = 'tests/unit/runtime/explain-rule.golden.json';
const ruleSet = compileModel(WHY_MODEL as unknown as AutomationModel);
const rule = (id: string) => {
  const r = ruleSet.rules.find((x) => x.id === id);
  if (r === undefined) throw new Error(id);
  return r;
};
const T0 = '2026-03-02T09:00:00.000Z';
const T1 = '2026-03-02T10:00:00.000Z';

const deal = (extra: Partial<RecordDoc> = {}): RecordDoc => ({
  id: 'deal_1',
  entity: 'deal',
  model: 'why-lab',
  pipeline: 'sales',
  stage: 'new',
  stageEnteredAt: T0,
  fields: { title: 'Deal', amount: 50 },
  links: [],
  createdAt: T0,
  updatedAt: T0,
  ...extra,
});

let n = 0;
const e = (kind: string, extra: Partial<TimelineEntry> = {}): TimelineEntry => ({
  id: `tl_${++n}`,
  recordId: 'deal_1',
  at: T0,
  seq: n,
  kind,
  message: kind,
  ...extra,
});
const entered = (version = 1) =>
  e('event', { eventId: 'evt_1', message: 'stage_entered', modelId: 'why-lab', version });

const timer = (extra: Partial<TimerDoc>): TimerDoc => ({
  id: 'tmr_1',
  dueAt: T1,
  ruleId: 'robot:remind',
  recordId: 'deal_1',
  modelId: 'why-lab',
  version: 1,
  pipeline: 'sales',
  stage: 'new',
  eventId: 'evt_1',
  idempotencyKey: 'k',
  onLeaveStage: 'cancel',
  ...extra,
});

interface Case {
  name: string;
  ruleId: string;
  record?: Partial<RecordDoc>;
  timeline?: TimelineEntry[];
  timers?: TimerDoc[];
  version?: number;
}

const CASES: Case[] = [
  {
    name: 'ran',
    ruleId: 'robot:big_deal',
    timeline: [entered(), e('rule', { ruleId: 'robot:big_deal', outcome: 'fired' })],
  },
  {
    name: 'condition false, with the values it read',
    ruleId: 'robot:big_deal',
    timeline: [
      entered(),
      e('rule', {
        ruleId: 'robot:big_deal',
        outcome: 'condition_false',
        data: { inputs: { amount: 50 }, result: false },
      }),
    ],
  },
  {
    name: 'ran, an action failed',
    ruleId: 'robot:big_deal',
    timeline: [
      entered(),
      e('rule', { ruleId: 'robot:big_deal', eventId: 'evt_1', outcome: 'fired' }),
      e('action', {
        ruleId: 'robot:big_deal',
        eventId: 'evt_1',
        outcome: 'failed',
        message: 'add_comment: disk said no',
      }),
    ],
  },
  {
    name: 'condition error',
    ruleId: 'robot:big_deal',
    timeline: [
      entered(),
      e('rule', { ruleId: 'robot:big_deal', outcome: 'failed', data: { error: 'budget' } }),
    ],
  },
  {
    name: 'waiting: due at',
    ruleId: 'robot:remind',
    timeline: [entered(), e('rule', { ruleId: 'robot:remind', outcome: 'scheduled' })],
    timers: [timer({})],
  },
  {
    name: 'outside working hours: moved',
    ruleId: 'robot:remind',
    timers: [timer({ plannedFor: '2026-03-02T03:00:00.000Z' })],
  },
  {
    name: 'after_previous waits for the robot before it',
    ruleId: 'robot:follow',
    timers: [timer({ followers: ['robot:follow'] })],
  },
  {
    name: 'parked after failures',
    ruleId: 'robot:remind',
    timers: [timer({ status: 'failed', attempts: 5, lastError: 'socket hang up' })],
  },
  {
    name: 'left the stage before the delay',
    ruleId: 'robot:remind',
    record: { stage: 'won', stageEnteredAt: T1 },
    timeline: [
      entered(),
      e('rule', { ruleId: 'robot:remind', outcome: 'scheduled' }),
      e('timer_cancelled', { at: T1, ruleId: 'robot:remind', data: { reason: 'left_stage' } }),
    ],
  },
  {
    name: 'loop guard',
    ruleId: 'robot:big_deal',
    timeline: [entered(), e('rule', { ruleId: 'robot:big_deal', outcome: 'stopped' })],
  },
  {
    name: 'skipped: empty anchor',
    ruleId: 'robot:big_deal',
    timeline: [
      entered(),
      e('rule', { ruleId: 'robot:big_deal', outcome: 'skipped', data: { reason: 'anchor_empty' } }),
    ],
  },
  {
    name: 'version changed: published after the record entered',
    ruleId: 'robot:remind',
    timeline: [entered(1)],
    version: 2,
  },
  {
    name: 'timer dropped with its version',
    ruleId: 'robot:remind',
    timeline: [entered(), e('timer_dropped', { ruleId: 'robot:remind', outcome: 'skipped' })],
  },
  {
    name: 'cancelled by a user',
    ruleId: 'robot:remind',
    timeline: [
      entered(),
      e('timer_cancelled', { ruleId: 'robot:remind', data: { reason: 'cancelled_by_api' } }),
    ],
  },
  {
    name: 'a robot of another stage',
    ruleId: 'robot:big_deal',
    record: { stage: 'won' },
  },
  {
    name: 'a previous visit does not answer for this one',
    ruleId: 'robot:big_deal',
    record: { stageEnteredAt: T1 },
    timeline: [e('rule', { ruleId: 'robot:big_deal', outcome: 'fired' })],
  },
  {
    name: 'not in the pipeline',
    ruleId: 'trigger:paid',
    record: { pipeline: 'other', stage: 'x' },
  },
  {
    name: 'trigger: the event never came',
    ruleId: 'trigger:paid',
  },
  {
    name: 'trigger: fired',
    ruleId: 'trigger:paid',
    timeline: [e('rule', { ruleId: 'trigger:paid', outcome: 'fired' })],
  },
  {
    name: 'trigger: already in stage',
    ruleId: 'trigger:paid',
    record: { stage: 'won' },
    timeline: [e('rule', { ruleId: 'trigger:paid', outcome: 'already_in_stage' })],
  },
  {
    name: 'date trigger: empty field',
    ruleId: 'trigger:due',
  },
  {
    name: 'date trigger: waiting for the date',
    ruleId: 'trigger:due',
    record: { fields: { title: 'Deal', due_at: T1 } },
    timers: [timer({ ruleId: 'trigger:due', source: 'trigger', stage: 'won' })],
  },
];

function answer(c: Case) {
  return explainRule({
    record: deal(c.record),
    timeline: c.timeline ?? [],
    timers: c.timers ?? [],
    ruleSet,
    version: c.version ?? 1,
    rule: rule(c.ruleId),
    ruleName: c.ruleId.split(':')[1] ?? c.ruleId,
  });
}

describe('explainRule: one line on why a robot or trigger ran or did not (golden)', () => {
  const got = Object.fromEntries(CASES.map((c) => [c.name, answer(c)]));
  it('answers every case as the golden file says', () => {
    if (process.env.UPDATE_GOLDEN === '1')
      writeFileSync(GOLDEN, `${JSON.stringify(got, null, 2)}\n`);
    const golden = JSON.parse(readFileSync(GOLDEN, 'utf8')) as unknown;
    expect(got).toEqual(golden);
  });

  it('gives the values a false condition read, and says ran only when it ran', () => {
    expect(got['condition false, with the values it read']).toMatchObject({
      ran: false,
      code: 'condition_false',
      params: { values: 'amount = 50' },
    });
    expect(
      Object.values(got)
        .filter((a) => a.ran)
        .map((a) => a.code),
    ).toEqual(['ran', 'action_failed', 'ran']);
  });
});
