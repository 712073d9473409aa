import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DURATION_UNITS, type AutomationModel, type Duration } from '../../../schemas/index.js';
import type {
  SavedSimulation,
  SimulationOutcomeSummary,
} from '../../../schemas/model/saved-simulation.js';
import type { SimulationResult } from '../../../schemas/simulation/index.js';
import { useExtraApi } from '../api/extra-api-context.js';
import { ApiError } from '../api/api-types.js';
import type { CanvasOverlay } from '../versions/canvas-overlay.js';
import { useFormat } from '../i18n/use-format.js';
import {
  diffOutcomeLines,
  linesFromSummary,
  summarizeOutcome,
  type OutcomeLine,
} from './outcome-diff.js';
import { OutcomeChanges } from './outcome-changes.js';
import { SimOutputs } from './sim-outputs.js';
import { SimTimeline, visibleEntries } from './sim-timeline.js';
import { makeStep, StepRow } from './step-row.js';
import { timelineMarks } from './timeline-marks.js';
import './simulation.css';

export interface SimulationPanelProps {
  readonly model: AutomationModel;
  readonly onOverlay: (overlay: CanvasOverlay | null) => void;
  readonly onModelChange: (model: AutomationModel) => void;
}

function newScenario(model: AutomationModel, name: string): SavedSimulation {
  return {
    name,
    horizon: { value: 1, unit: 'days' },
    steps: [makeStep('create', { value: 0, unit: 'minutes' }, 'r1', model)],
  };
}

/**
 * Script sample records over virtual time, run them through the runtime's engine
 * (`POST /api/simulate` with the draft as it is), step through what fired on the canvas,
 * see what would be sent, save the script with the model and rerun it after edits.
 */
export function SimulationPanel({ model, onOverlay, onModelChange }: SimulationPanelProps) {
  const { t } = useTranslation();
  const api = useExtraApi();
  const saved = model.simulations ?? [];
  const [scenario, setScenario] = useState<SavedSimulation>(
    () => saved[0] ?? newScenario(model, t('simulation.defaultName')),
  );
  const format = useFormat();
  const [result, setResult] = useState<SimulationResult | null>(null);
  // The last run of this scenario in this session; before the first one, the outcome kept
  // with the saved scenario (`lastOutcome`) stands in, so a rerun after a reload compares too.
  const [previous, setPrevious] = useState<{
    name: string;
    summary: SimulationOutcomeSummary;
  } | null>(null);
  const [changes, setChanges] = useState<{
    since: string;
    added: OutcomeLine[];
    removed: OutcomeLine[];
  } | null>(null);
  // A run takes a while; what it stores must go into the model as it is by then.
  const latestModel = useRef(model);
  useLayoutEffect(() => {
    latestModel.current = model;
  });
  const [cursor, setCursor] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const steps = scenario.steps ?? [];

  const moveCursor = (r: SimulationResult, i: number) => {
    setCursor(i);
    onOverlay({ marks: timelineMarks(r.timeline, i) });
  };

  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      // The kept outcome is the model's, not part of the script the runtime runs.
      const { lastOutcome: _, ...script } = scenario;
      const r = await api.simulate({ ...script, model });
      const summary = summarizeOutcome(r, new Date().toISOString());
      const stored = saved.find((s) => s.name === scenario.name)?.lastOutcome;
      const baseline = previous?.name === scenario.name ? previous.summary : stored;
      setChanges(
        baseline
          ? {
              since: baseline.at,
              ...diffOutcomeLines(linesFromSummary(baseline), linesFromSummary(summary)),
            }
          : null,
      );
      setPrevious({ name: scenario.name, summary });
      setResult(r);
      keepOutcome(scenario.name, summary);
      moveCursor(r, visibleEntries(r.timeline).at(-1) ?? 0);
    } catch (e) {
      const where =
        e instanceof ApiError && e.diagnostics.length > 0
          ? `: ${e.diagnostics.map((d) => `${d.path} ${d.message}`).join('; ')}`
          : '';
      setError(`${e instanceof Error ? e.message : String(e)}${where}`);
    } finally {
      setRunning(false);
    }
  };

  /** A saved scenario keeps its last outcome with the model (not an undoable edit). */
  const keepOutcome = (name: string, summary: SimulationOutcomeSummary) => {
    const current = latestModel.current;
    const list = current.simulations ?? [];
    if (!list.some((s) => s.name === name)) return;
    onModelChange({
      ...current,
      simulations: list.map((s) => (s.name === name ? { ...s, lastOutcome: summary } : s)),
    });
  };
  const save = () => {
    const rest = saved.filter((s) => s.name !== scenario.name);
    const lastOutcome =
      previous?.name === scenario.name
        ? previous.summary
        : saved.find((s) => s.name === scenario.name)?.lastOutcome;
    onModelChange({
      ...model,
      simulations: [...rest, lastOutcome ? { ...scenario, lastOutcome } : scenario],
    });
  };
  const remove = () => {
    onModelChange({ ...model, simulations: saved.filter((s) => s.name !== scenario.name) });
  };
  const pick = (name: string) => {
    const s = saved.find((x) => x.name === name);
    setScenario(s ?? newScenario(model, t('simulation.defaultName')));
    setResult(null);
    setPrevious(null);
    setChanges(null);
    onOverlay(null);
  };
  const setStep = (i: number, step: (typeof steps)[number]) =>
    setScenario({ ...scenario, steps: steps.map((s, j) => (j === i ? step : s)) });
  const horizon = scenario.horizon ?? { value: 10, unit: 'days' };
  const hasBaseline =
    previous?.name === scenario.name ||
    saved.some((s) => s.name === scenario.name && s.lastOutcome);

  return (
    <div className="simulation-panel" data-testid="simulation-panel">
      <div className="panel-actions">
        <label>
          {t('simulation.saved')}{' '}
          <select
            value={saved.some((s) => s.name === scenario.name) ? scenario.name : ''}
            onChange={(e) => pick(e.target.value)}
            data-testid="sim-saved"
          >
            <option value="">{t('simulation.newScenario')}</option>
            {saved.map((s) => (
              <option key={s.name} value={s.name} data-user-text>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('simulation.name')}{' '}
          <input
            value={scenario.name}
            onChange={(e) => setScenario({ ...scenario, name: e.target.value || ' ' })}
            data-testid="sim-name"
          />
        </label>
        <button type="button" onClick={save} data-testid="sim-save">
          {t('simulation.save')}
        </button>
        <button
          type="button"
          className="danger"
          onClick={remove}
          disabled={!saved.some((s) => s.name === scenario.name)}
        >
          {t('simulation.delete')}
        </button>
      </div>
      <ol className="sim-steps" aria-label={t('simulation.steps')}>
        {steps.map((s, i) => (
          <StepRow
            key={i}
            index={i}
            step={s}
            model={model}
            onChange={(step) => setStep(i, step)}
            onRemove={() => setScenario({ ...scenario, steps: steps.filter((_, j) => j !== i) })}
          />
        ))}
      </ol>
      <div className="panel-actions">
        <button
          type="button"
          onClick={() => {
            const last = steps.at(-1);
            const at: Duration = last ? { ...last.at } : { value: 0, unit: 'minutes' };
            const kind = steps.length === 0 ? 'create' : 'move';
            setScenario({
              ...scenario,
              steps: [...steps, makeStep(kind, at, last?.ref ?? 'r1', model)],
            });
          }}
          data-testid="sim-add-step"
        >
          {t('simulation.addStep')}
        </button>
        <label>
          {t('simulation.horizon')}{' '}
          <input
            type="number"
            min={1}
            className="sim-at"
            value={horizon.value}
            onChange={(e) =>
              setScenario({
                ...scenario,
                horizon: { ...horizon, value: Math.max(1, Number(e.target.value) || 1) },
              })
            }
            data-testid="sim-horizon"
          />
        </label>
        <select
          aria-label={t('simulation.horizonUnit')}
          value={horizon.unit}
          onChange={(e) =>
            setScenario({
              ...scenario,
              horizon: { ...horizon, unit: e.target.value as Duration['unit'] },
            })
          }
        >
          {DURATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {t(`simulation.unitNames.${u}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="primary"
          onClick={() => void run()}
          disabled={running}
          data-testid="sim-run"
        >
          {hasBaseline || result ? t('simulation.rerun') : t('simulation.run')}
        </button>
      </div>
      {error && (
        <p className="error" role="alert" data-testid="sim-error">
          {error}
        </p>
      )}
      {changes && (
        <>
          <p className="muted" data-testid="sim-compared-with">
            {t('simulation.comparedWith', { when: format.dateTime(changes.since) })}
          </p>
          <OutcomeChanges added={changes.added} removed={changes.removed} />
        </>
      )}
      {result && (
        <div className="sim-result">
          <SimTimeline
            timeline={result.timeline}
            model={model}
            cursor={cursor}
            onCursor={(i) => moveCursor(result, i)}
          />
          <SimOutputs result={result} />
        </div>
      )}
    </div>
  );
}
