import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DURATION_UNITS, type AutomationModel, type Duration } from '../../../schemas/index.js';
import { SIMULATION_EVENT_KINDS, type ScenarioStep } from '../../../schemas/simulation/index.js';
import { sampleFields } from './sample-fields.js';

export const STEP_KINDS = ['create', 'update', 'move', 'event'] as const;
type StepKind = (typeof STEP_KINDS)[number];

/** A fresh step of a kind, keeping the time and record of the step it replaces. */
export function makeStep(
  kind: StepKind,
  at: Duration,
  ref: string,
  model: AutomationModel,
): ScenarioStep {
  const p = model.pipelines[0];
  const stage = p?.stages[0]?.key ?? 'new';
  if (kind === 'create')
    return {
      at,
      do: 'create',
      ref,
      entity: p?.entity ?? 'deal',
      ...(p ? { pipeline: p.key, stage } : {}),
      fields: sampleFields(model, p?.entity ?? 'deal'),
    };
  if (kind === 'update') return { at, do: 'update', ref, fields: { amount: 1 } };
  if (kind === 'move') return { at, do: 'move', ref, stage: p?.stages[1]?.key ?? stage };
  return { at, do: 'event', ref, kind: 'incoming_message', payload: { text: 'Hello' } };
}

/** JSON text field that only reports objects upward; bad text stays on screen with an error. */
function JsonField(p: {
  label: string;
  value: Record<string, unknown> | undefined;
  onChange(v: Record<string, unknown>): void;
  testId: string;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState(() => JSON.stringify(p.value ?? {}));
  const [bad, setBad] = useState(false);
  return (
    <label className="sim-json">
      <span className="visually-hidden">{p.label}</span>
      <input
        value={text}
        aria-label={p.label}
        aria-invalid={bad}
        data-testid={p.testId}
        onChange={(e) => {
          setText(e.target.value);
          try {
            const v: unknown = JSON.parse(e.target.value);
            const ok = typeof v === 'object' && v !== null && !Array.isArray(v);
            setBad(!ok);
            if (ok) p.onChange(v as Record<string, unknown>);
          } catch {
            setBad(true);
          }
        }}
      />
      {bad && <span className="error">{t('simulation.badJson')}</span>}
    </label>
  );
}

/** One scripted step: when, what, which record, and the step's own details. */
export function StepRow(p: {
  index: number;
  step: ScenarioStep;
  model: AutomationModel;
  onChange(step: ScenarioStep): void;
  onRemove(): void;
}) {
  const { t } = useTranslation();
  const { step, index } = p;
  const stages = p.model.pipelines.flatMap((pl) => pl.stages.map((s) => ({ pl, s })));
  const id = `sim-step-${index}`;
  return (
    <li className="sim-step" data-testid={id}>
      <input
        type="number"
        min={0}
        className="sim-at"
        aria-label={t('simulation.at')}
        value={step.at.value}
        data-testid={`${id}-at`}
        onChange={(e) =>
          p.onChange({
            ...step,
            at: { ...step.at, value: Math.max(0, Number(e.target.value) || 0) },
          })
        }
      />
      <select
        aria-label={t('simulation.unit')}
        value={step.at.unit}
        onChange={(e) =>
          p.onChange({ ...step, at: { ...step.at, unit: e.target.value as Duration['unit'] } })
        }
      >
        {DURATION_UNITS.map((u) => (
          <option key={u} value={u}>
            {t(`simulation.unitNames.${u}`)}
          </option>
        ))}
      </select>
      <select
        aria-label={t('simulation.do')}
        value={step.do}
        data-testid={`${id}-do`}
        onChange={(e) =>
          p.onChange(makeStep(e.target.value as StepKind, step.at, step.ref, p.model))
        }
      >
        {(STEP_KINDS as readonly string[]).includes(step.do) ? null : (
          <option value={step.do}>{step.do}</option>
        )}
        {STEP_KINDS.map((k) => (
          <option key={k} value={k}>
            {t(`simulation.stepKinds.${k}`)}
          </option>
        ))}
      </select>
      <input
        className="sim-ref"
        aria-label={t('simulation.ref')}
        value={step.ref}
        onChange={(e) => p.onChange({ ...step, ref: e.target.value })}
      />
      {(step.do === 'create' || step.do === 'move') && (
        <select
          aria-label={t('simulation.stage')}
          data-user-text
          value={`${step.pipeline ?? stages.find((x) => x.s.key === step.stage)?.pl.key ?? ''}/${step.stage ?? ''}`}
          data-testid={`${id}-stage`}
          onChange={(e) => {
            const [pipeline = '', stage = ''] = e.target.value.split('/');
            p.onChange({ ...step, pipeline, stage });
          }}
        >
          {stages.map(({ pl, s }) => (
            <option key={`${pl.key}/${s.key}`} value={`${pl.key}/${s.key}`}>
              {pl.name}: {s.name}
            </option>
          ))}
        </select>
      )}
      {(step.do === 'create' || step.do === 'update') && (
        <JsonField
          label={t('simulation.fields')}
          value={step.fields}
          testId={`${id}-fields`}
          onChange={(fields) => p.onChange({ ...step, fields })}
        />
      )}
      {step.do === 'event' && (
        <>
          <select
            aria-label={t('simulation.eventKind')}
            value={step.kind}
            onChange={(e) => p.onChange({ ...step, kind: e.target.value as typeof step.kind })}
          >
            {SIMULATION_EVENT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`simulation.eventKinds.${k}`)}
              </option>
            ))}
          </select>
          <JsonField
            label={t('simulation.payload')}
            value={step.payload}
            testId={`${id}-payload`}
            onChange={(payload) => p.onChange({ ...step, payload })}
          />
        </>
      )}
      <button
        type="button"
        className="icon-button"
        onClick={p.onRemove}
        aria-label={t('simulation.removeStep')}
      >
        ×
      </button>
    </li>
  );
}
