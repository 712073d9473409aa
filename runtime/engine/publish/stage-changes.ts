import { canonicalize, type RuleSet } from '../../../schemas/index.js';

/** A stage of the live version that the new one removes or changes. */
export interface StageChange {
  pipeline: string;
  stage: string;
  /** The stage's name in the live version. */
  name: string;
  change: 'removed' | 'changed';
}

const text = (v: unknown): string => JSON.stringify(canonicalize(v ?? null));

/** The stage's robots and what entering it needs, as text to compare. */
function stageShape(ruleSet: RuleSet, pipeline: string, stage: string): string {
  const def = ruleSet.pipelines
    .find((p) => p.key === pipeline)
    ?.stages.find((s) => s.key === stage);
  const robots = ruleSet.rules.filter(
    (r) => r.source.kind === 'robot' && r.pipeline === pipeline && r.stage === stage,
  );
  return text({ requiredFields: def?.requiredFields ?? [], kind: def?.kind, robots });
}

/**
 * Stages of the live version that the new one removes, or whose robots or required
 * fields it changes: records sitting there see the difference (robots already run stay
 * run; a removed stage leaves its records where they are, in a stage no version has).
 *
 * @example stageChanges(live, next) // [{ pipeline: 'sales', stage: 'lost', name: 'Lost', change: 'removed' }]
 */
export function stageChanges(live: RuleSet, next: RuleSet): StageChange[] {
  const out: StageChange[] = [];
  for (const p of live.pipelines) {
    const np = next.pipelines.find((x) => x.key === p.key && x.entity === p.entity);
    for (const s of p.stages) {
      const base = { pipeline: p.key, stage: s.key, name: s.name ?? s.key };
      if (np?.stages.some((x) => x.key === s.key) !== true) {
        out.push({ ...base, change: 'removed' });
        continue;
      }
      if (stageShape(live, p.key, s.key) !== stageShape(next, p.key, s.key))
        out.push({ ...base, change: 'changed' });
    }
  }
  return out;
}
