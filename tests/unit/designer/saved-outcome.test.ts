import { describe, expect, it } from 'vitest';
import { validateModelSchema, type AutomationModel } from '../../../schemas/index.js';
import type { SimulationResult } from '../../../schemas/simulation/index.js';
import { diffModels } from '../../../schemas/diff/diff-models.js';
import { compileModel } from '../../../schemas/compiler/compile-model.js';
import { editorReducer, initEditor } from '../../../designer/src/editor/history.js';
import {
  diffOutcomeLines,
  diffOutcomes,
  linesFromSummary,
  outcomeLines,
  summarizeOutcome,
} from '../../../designer/src/simulation/outcome-diff.js';
import { fixtureModel } from './fixture-model.js';
import { i18n, setLanguage } from '../../../designer/src/i18n/i18n.js';
import { describeOutcomeLine } from '../../../designer/src/simulation/describe-outcome-line.js';

const run = (messages: string[], stage: string): SimulationResult => ({
  start: '2026-01-05T09:00:00Z',
  end: '2026-01-06T09:00:00Z',
  model: { id: 'm', version: 0 },
  timeline: [],
  records: [
    { ref: 'd1', id: 'deal_1', entity: 'deal', stage } as SimulationResult['records'][number],
  ],
  tasks: [],
  notifications: messages.map((message, i) => ({
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
const AT = '2026-11-23T17:00:00.000Z';

describe('kept simulation outcome', () => {
  it('survives JSON (no Infinity) and compares like the run it came from', () => {
    const before = run(['hello', 'reminder'], 'won');
    const after = run(['hello'], 'lost');
    const stored = JSON.parse(JSON.stringify(summarizeOutcome(before, AT))) as ReturnType<
      typeof summarizeOutcome
    >;
    expect(stored.lines.find((l) => l.key.startsWith('final|'))).not.toHaveProperty('minute');
    const fromStore = diffOutcomeLines(linesFromSummary(stored), outcomeLines(after));
    expect(fromStore).toEqual(diffOutcomes(before, after));
    expect(fromStore.removed.map((l) => l.text)).toEqual([
      'notification ivanov: reminder',
      'd1 ends in won',
    ]);
    expect(fromStore.added.map((l) => l.text)).toEqual(['d1 ends in lost']);
    setLanguage('ru');
    expect(fromStore.removed.map((l) => describeOutcomeLine(l, i18n.t.bind(i18n)))).toEqual([
      '+15 мин уведомление ivanov: reminder',
      'd1: итоговая стадия «won»',
    ]);
    setLanguage('en');
  });

  const withScenario = (): AutomationModel => ({
    ...fixtureModel(),
    simulations: [{ name: 'Sample run', steps: [] }],
  });
  const withOutcome = (m: AutomationModel): AutomationModel => ({
    ...m,
    simulations: (m.simulations ?? []).map((s) => ({
      ...s,
      lastOutcome: summarizeOutcome(run(['hello'], 'won'), AT),
    })),
  });

  it('passes the model schema and is ignored by the compiler and the version diff', () => {
    const model = withOutcome(withScenario());
    expect(validateModelSchema(model)).toEqual([]);
    expect(diffModels(withScenario(), model)).toEqual([]);
    expect(compileModel(model)).toEqual(compileModel(withScenario()));
  });

  it('is not an undo step, and undo keeps it', () => {
    let state = initEditor(withScenario());
    state = editorReducer(state, { type: 'renameModel', name: 'Renamed' });
    const kept = withOutcome(state.present);
    state = editorReducer(state, { type: 'replaceModel', model: kept });
    expect(state.past).toHaveLength(1);
    expect(state.present).toEqual(kept);
    state = editorReducer(state, { type: 'undo' });
    expect(state.present.name).toBe('Demo');
    expect(state.present.simulations?.[0]?.lastOutcome?.at).toBe(AT);
    state = editorReducer(state, { type: 'redo' });
    expect(state.present).toEqual(kept);
  });
});
