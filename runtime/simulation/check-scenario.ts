import {
  EXPECTATION_SUBJECTS,
  type Diagnostic,
  type SimulationScenario,
} from '../../schemas/index.js';
import { HttpError } from '../http/http-error.js';
import { durationMs } from './durations.js';

/** Refs that automations give the records they create. */
export const AUTO_REF = /^auto-[1-9][0-9]*$/;

export const diag = (code: string, path: string, message: string): Diagnostic => ({
  code,
  severity: 'error',
  path,
  message: `${path}: ${message}`,
});

export function fail(status: 400 | 422, code: string, diagnostics: Diagnostic[]): never {
  throw new HttpError(status, code, diagnostics.map((d) => d.message).join('; '), diagnostics);
}

/** Shape rules JSON Schema cannot say: one subject per expectation, steps inside the horizon. */
function checkShape(s: SimulationScenario, horizonMs: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  (s.steps ?? []).forEach((step, i) => {
    if (durationMs(step.at) > horizonMs)
      out.push(diag('STEP_AFTER_HORIZON', `/steps/${i}/at`, 'is after the horizon'));
  });
  (s.expect ?? []).forEach((e, i) => {
    const subjects = EXPECTATION_SUBJECTS.filter((k) => e[k] !== undefined);
    if (subjects.length !== 1) {
      out.push(
        diag(
          'EXPECTATION_SUBJECT',
          `/expect/${i}`,
          `needs exactly one of ${EXPECTATION_SUBJECTS.join(', ')} (has ${subjects.join(', ') || 'none'})`,
        ),
      );
      return;
    }
    if (subjects[0] === 'ref') {
      const what = ['stage', 'pipeline', 'field', 'exists'].filter(
        (k) => e[k as keyof typeof e] !== undefined,
      );
      if (what.length === 0)
        out.push(
          diag(
            'EXPECTATION_EMPTY',
            `/expect/${i}`,
            'says nothing: give stage, pipeline, field or exists',
          ),
        );
      if ((e.field === undefined) !== (e.equals === undefined) && e.exists === undefined)
        out.push(diag('FIELD_WITHOUT_EQUALS', `/expect/${i}`, 'field and equals go together'));
    }
    if (e.between !== undefined && durationMs(e.between[0]) > durationMs(e.between[1]))
      out.push(diag('EMPTY_WINDOW', `/expect/${i}/between`, 'starts after it ends'));
  });
  return out;
}

/** Every ref a step or expectation names is a record of the scenario (or auto-N). */
function checkRefs(s: SimulationScenario): Diagnostic[] {
  const out: Diagnostic[] = [];
  const known = new Set<string>();
  (s.records ?? []).forEach((r, i) => {
    if (known.has(r.ref) || AUTO_REF.test(r.ref))
      out.push(diag('DUPLICATE_REF', `/records/${i}/ref`, `${r.ref} is already used`));
    known.add(r.ref);
  });
  (s.records ?? []).forEach((r, i) =>
    (r.links ?? []).forEach((l, j) => {
      if (!known.has(l))
        out.push(diag('UNKNOWN_REF', `/records/${i}/links/${j}`, `no record ${l}`));
    }),
  );
  const order = (s.steps ?? [])
    .map((step, i) => ({ step, i }))
    .sort((a, b) => durationMs(a.step.at) - durationMs(b.step.at));
  const named = (ref: string, path: string) => {
    if (!known.has(ref) && !AUTO_REF.test(ref))
      out.push(diag('UNKNOWN_REF', path, `no record ${ref} exists by then`));
  };
  for (const { step, i } of order) {
    if (step.do === 'create') {
      if (known.has(step.ref) || AUTO_REF.test(step.ref))
        out.push(diag('DUPLICATE_REF', `/steps/${i}/ref`, `${step.ref} is already used`));
      (step.links ?? []).forEach((l, j) => named(l, `/steps/${i}/links/${j}`));
      known.add(step.ref);
      continue;
    }
    named(step.ref, `/steps/${i}/ref`);
    if (step.do === 'link') named(step.to, `/steps/${i}/to`);
  }
  (s.expect ?? []).forEach((e, i) => {
    for (const [ref, path] of [
      [e.ref, `/expect/${i}/ref`],
      [e.notification?.ref, `/expect/${i}/notification/ref`],
      [e.outbox?.ref, `/expect/${i}/outbox/ref`],
      [e.task?.ref, `/expect/${i}/task/ref`],
      [e.rule?.ref, `/expect/${i}/rule/ref`],
    ] as const) {
      if (ref !== undefined && !known.has(ref) && !AUTO_REF.test(ref))
        out.push(diag('UNKNOWN_REF', path, `no record ${ref} in the scenario`));
    }
  });
  return out;
}

/**
 * Refuses a scenario that cannot run as written: 400 for shape problems (with the
 * JSON path), 422 for refs naming no record.
 */
export function checkScenario(s: SimulationScenario, horizonMs: number): void {
  const shape = checkShape(s, horizonMs);
  if (shape.length > 0) fail(400, 'INVALID_SCENARIO', shape);
  const refs = checkRefs(s);
  if (refs.length > 0) fail(422, 'UNKNOWN_REF', refs);
}
