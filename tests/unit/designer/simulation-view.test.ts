import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { AutomationModel } from '../../../schemas/index.js';
import type {
  SimulationResult,
  SimulationTimelineEntry,
} from '../../../schemas/simulation/index.js';
import { i18n, setLanguage } from '../../../designer/src/i18n/i18n.js';
import { makeFormatters } from '../../../designer/src/i18n/use-format.js';
import { describeEntry, formatMinute } from '../../../designer/src/simulation/describe-entry.js';
import { diffOutcomes } from '../../../designer/src/simulation/outcome-diff.js';
import { sampleFields } from '../../../designer/src/simulation/sample-fields.js';
import { timelineMarks } from '../../../designer/src/simulation/timeline-marks.js';

const load = (slug: string): AutomationModel =>
  JSON.parse(readFileSync(`examples/${slug}/model.json`, 'utf8')) as AutomationModel;
const entry = (e: Partial<SimulationTimelineEntry>): SimulationTimelineEntry => ({
  at: '2026-01-05T09:00:00.000Z',
  minute: 0,
  ref: 'd1',
  recordId: 'deal_1',
  kind: 'rule',
  message: '',
  ...e,
});
const result = (timeline: SimulationTimelineEntry[], notes: string[]): SimulationResult => ({
  start: '2026-01-05T09:00:00Z',
  end: '2026-01-06T09:00:00Z',
  model: { id: 'm', version: 0 },
  timeline,
  records: [{ ref: 'd1', id: 'deal_1', entity: 'deal' }],
  tasks: [],
  notifications: notes.map((message, i) => ({
    ref: 'd1',
    minute: i * 15,
    id: `n${i}`,
    recordId: 'deal_1',
    recipient: 'ivanov',
    message,
  })),
  outbox: [],
  timers: [],
  expectations: [],
  passed: true,
  stats: { steps: 1, timersFired: 0 },
});

describe('simulation view helpers', () => {
  const t = i18n.t.bind(i18n);

  it('explains a false comparison with the values in the UI locale', () => {
    setLanguage('en');
    const model = load('reaction-time-control');
    model.pipelines[0]!.stages[0]!.robots[1]!.condition = { '>': [{ var: 'amount' }, 1000000] };
    const e = entry({
      nodeId: 'robot:remind_after_15_min',
      outcome: 'condition_false',
      data: { inputs: { amount: 800000 }, result: false },
    });
    expect(describeEntry(e, model, t, makeFormatters('en'))).toBe(
      'condition false: amount 800,000 is not > 1,000,000',
    );
    setLanguage('ru');
    expect(describeEntry(e, model, t, makeFormatters('ru')).replace(/\s/g, ' ')).toBe(
      'условие ложно: amount 800 000 — не > 1 000 000',
    );
    setLanguage('en');
  });

  it('gives the reason of a condition that failed to evaluate', () => {
    setLanguage('en');
    const model = load('reaction-time-control');
    const reason =
      'evaluation stopped: more than 1,000,000 operations (the limit of one evaluation)';
    const e = entry({
      nodeId: 'robot:remind_after_15_min',
      outcome: 'failed',
      data: { inputs: {}, error: reason },
    });
    expect(describeEntry(e, model, t, makeFormatters('en'))).toBe(`condition failed: ${reason}`);
    setLanguage('ru');
    expect(describeEntry(e, model, t, makeFormatters('ru'))).toBe(
      `условие не вычислено: ${reason}`,
    );
    setLanguage('en');
  });

  it('explains a cancelled timer with the stage it left and when', () => {
    const model = load('reaction-time-control');
    const e = entry({ kind: 'timer_cancelled', minute: 10, nodeId: 'robot:warn_after_25_min' });
    expect(describeEntry(e, model, t, makeFormatters('en'))).toBe(
      'cancelled: the record left “New request” at +10 min',
    );
    expect(formatMinute(1530, t)).toBe('+1 d 1 h 30 min');
  });

  it('marks what fired up to the cursor, and what was considered and did not', () => {
    const timeline = [
      entry({ nodeId: 'robot:a', outcome: 'fired' }),
      entry({ nodeId: 'robot:b', outcome: 'scheduled' }),
      entry({ nodeId: 'robot:c', outcome: 'condition_false' }),
      entry({ kind: 'action', nodeId: 'robot:a', outcome: 'done' }),
      entry({ minute: 15, nodeId: 'robot:b', outcome: 'fired' }),
    ];
    expect([...timelineMarks(timeline, 3)]).toEqual([
      ['robot:a', 'fired'],
      ['robot:b', 'considered'],
      ['robot:c', 'considered'],
    ]);
    expect(timelineMarks(timeline, 4).get('robot:b')).toBe('fired');
  });

  it('a rerun reports outcomes that appeared and disappeared, ignoring ids', () => {
    const fired = entry({ minute: 15, nodeId: 'robot:b', outcome: 'fired' });
    const cancelled = entry({ kind: 'timer_cancelled', minute: 10, nodeId: 'robot:b' });
    const before = result([fired], ['hello', 'reminder']);
    const after = result([cancelled], ['hello']);
    const d = diffOutcomes(before, after);
    expect(d.added.map((l) => l.text)).toEqual(['d1 robot:b: cancelled']);
    expect(d.removed.map((l) => l.text)).toEqual([
      'd1 robot:b: fired',
      'notification ivanov: reminder',
    ]);
    expect(diffOutcomes(before, structuredClone(before))).toEqual({ added: [], removed: [] });
  });

  it('prefills sample records with a regular employee and every custom field', () => {
    const model = load('reaction-time-control');
    const fields = sampleFields(model, 'deal');
    expect(fields).toMatchObject({ title: 'Sample deal', amount: 100000 });
    const heads = new Set(model.directory!.departments.map((d) => d.manager));
    expect(heads.has(fields.responsible as string)).toBe(false);
    for (const f of model.entities.deal?.fields ?? []) expect(fields).toHaveProperty(f.key);
  });
});
