import type { Diagnostic } from '../diagnostics.js';
import { jsonPointer } from '../diagnostics.js';
import { diagnostic, type Check } from './diagnostic.js';

/** The seeds' advice: 5-7 stages; more than that confuses managers. */
export const MAX_ADVISED_STAGES = 7;

/** Warns about pipelines longer than the advised 7 stages. */
export const checkPipelineSize: Check = (model) => {
  const out: Diagnostic[] = [];
  model.pipelines.forEach((p, i) => {
    if (p.stages.length > MAX_ADVISED_STAGES)
      out.push(
        diagnostic(
          'TOO_MANY_STAGES',
          'warning',
          jsonPointer('pipelines', i, 'stages'),
          `pipeline "${p.name}" has ${p.stages.length} stages; keep it to ${MAX_ADVISED_STAGES} or fewer so managers can follow it`,
          `pipeline:${p.key}`,
          { pipeline: p.name, count: p.stages.length, max: MAX_ADVISED_STAGES },
        ),
      );
  });
  return out;
};
