import type { AutomationModel } from '../../../schemas/index.js';

function withoutOutcomes(model: AutomationModel): AutomationModel {
  if (!model.simulations) return model;
  return {
    ...model,
    simulations: model.simulations.map(({ lastOutcome: _, ...rest }) => rest),
  };
}

/**
 * True when `after` differs from `before` only in the outcomes kept with saved simulation
 * scenarios. Such a change is a derived result, not an edit: it must not become an undo
 * step, or undo after a run would take back the run instead of the user's last edit.
 *
 * @example isOutcomeOnlyChange(model, withNewOutcome) // true
 */
export function isOutcomeOnlyChange(before: AutomationModel, after: AutomationModel): boolean {
  return JSON.stringify(withoutOutcomes(before)) === JSON.stringify(withoutOutcomes(after));
}

/**
 * `model` with the kept outcomes of `source` copied onto its scenarios of the same name, so
 * undo and redo land on models that still remember the last run.
 *
 * @example carryOutcomes(pastModel, present).simulations?.[0]?.lastOutcome
 */
export function carryOutcomes(model: AutomationModel, source: AutomationModel): AutomationModel {
  if (!model.simulations || !source.simulations) return model;
  const kept = new Map(source.simulations.map((s) => [s.name, s.lastOutcome]));
  return {
    ...model,
    simulations: model.simulations.map((s) => {
      const lastOutcome = kept.get(s.name);
      return lastOutcome ? { ...s, lastOutcome } : s;
    }),
  };
}
