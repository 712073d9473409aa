import type { AutomationModel, Robot } from '../../schemas/index.js';
import { diffModels } from '../../schemas/diff/diff-models.js';
import type { VersionDetail } from '../../designer/src/api/extra-api.js';
import { exampleModel } from './fixtures.js';
import { REACTION_TIME } from './simulation-fixtures.js';

/** Edits every robot of the model's first pipeline through `edit` (undefined drops it). */
function editRobots(
  model: AutomationModel,
  edit: (robot: Robot) => Robot | undefined,
): AutomationModel {
  return {
    ...model,
    pipelines: model.pipelines.map((p, i) =>
      i !== 0
        ? p
        : {
            ...p,
            stages: p.stages.map((s) => ({
              ...s,
              robots: s.robots?.flatMap((r) => edit(r) ?? []),
            })),
          },
    ),
  };
}

/**
 * Scenario 4 as first published: no warning at 25 minutes yet, the reminder after 20
 * minutes, and the "In progress" stage under another name.
 */
const firstRules = editRobots(REACTION_TIME, (r) =>
  r.id === 'warn_after_25_min'
    ? undefined
    : r.id === 'remind_after_15_min' && r.timing.kind === 'delay'
      ? { ...r, timing: { ...r.timing, duration: { value: 20, unit: 'minutes' as const } } }
      : r,
);
export const REACTION_TIME_V1: AutomationModel = exampleModel(
  {
    ...firstRules,
    pipelines: firstRules.pipelines.map((p) => ({
      ...p,
      stages: p.stages.map((s) => (s.key === 'in_progress' ? { ...s, name: 'Taken' } : s)),
    })),
  },
  'reaction-time-control v1',
);

/** The draft after v2: the feedback reminder dropped, the proposal escalation unchanged. */
export const REACTION_TIME_DRAFT: AutomationModel = editRobots(REACTION_TIME, (r) =>
  r.id === 'feedback_reminder' ? undefined : r,
);

/** The published versions of scenario 4, as `GET /api/models/:id/versions/:n` answers. */
export const REACTION_TIME_VERSIONS: readonly VersionDetail[] = [
  {
    version: 1,
    note: 'First rules: remind at 20 minutes, manager at 30',
    publishedAt: '2026-01-12T08:30:00.000Z',
    publishedBy: 'admin',
    model: REACTION_TIME_V1,
    ruleSet: {},
  },
  {
    version: 2,
    note: 'Remind at 15, warn at 25 minutes',
    publishedAt: '2026-02-02T14:05:00.000Z',
    publishedBy: 'ivanov',
    model: REACTION_TIME,
    ruleSet: {},
  },
];

/** What changed from v1 to v2 (added robot, changed delay, renamed stage). */
export const V1_TO_V2 = diffModels(REACTION_TIME_V1, REACTION_TIME);
/** What the draft changes against v2 (a removed robot). */
export const V2_TO_DRAFT = diffModels(REACTION_TIME, REACTION_TIME_DRAFT);
