import type { Meta, StoryObj } from '@storybook/react-vite';
import type { NodeMark } from '../../designer/src/canvas/node-mark.js';
import { robotNodeId, stageNodeId, triggerNodeId } from '../../designer/src/editor/node-ids.js';
import { withEditor, withFlow } from '../support/decorators.js';
import { CanvasView } from '../support/canvas-view.js';
import { DOCUMENT_FLOW, HANDOFF, SUBSCRIPTIONS } from '../support/fixtures.js';
import { timelineMarks } from '../../designer/src/simulation/timeline-marks.js';
import { visibleEntries } from '../../designer/src/simulation/sim-timeline.js';
import { diffMarks } from '../../designer/src/versions/diff-marks.js';
import { NOBODY_REACTS, REACTION_TIME } from '../support/simulation-fixtures.js';
import { REACTION_TIME_V1, V1_TO_V2 } from '../support/version-fixtures.js';

/** The whole canvas for example models: lanes, stages, robots, triggers, edges, badges. */
const meta = {
  title: 'canvas/Flow canvas',
  component: CanvasView,
  decorators: [withEditor, withFlow],
  parameters: { layout: 'fullscreen', model: HANDOFF },
} satisfies Meta<typeof CanvasView>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Scenario 2: sales hands paid deals to logistics (cross-pipeline edges). */
export const SalesLogisticsHandoff: Story = {};

/** Scenario: contracts, waybills and acts in four linked pipelines. */
export const DocumentFlow: Story = { parameters: { model: DOCUMENT_FLOW } };

/** A robot selected: the canvas highlights it as the inspector would show its form. */
export const WithSelection: Story = {
  args: { initialSelection: [robotNodeId('hand_to_logistics')] },
};

/** What a simulation of a paid deal lays over the canvas (marks, not model edits). */
export const SimulationMarks: Story = {
  args: {
    marks: new Map<string, NodeMark>([
      [triggerNodeId('payment_arrived'), 'fired'],
      [stageNodeId('sales', 'paid'), 'fired'],
      [robotNodeId('hand_to_logistics'), 'fired'],
      [robotNodeId('tell_seller_paid'), 'considered'],
      [stageNodeId('logistics', 'new_request'), 'fired'],
      [robotNodeId('prepare_order_task'), 'fired'],
    ]),
  },
};

/** A model with problems: badges on the nodes the analyzer points at. */
export const WithProblems: Story = {
  parameters: {
    model: {
      ...SUBSCRIPTIONS,
      pipelines: SUBSCRIPTIONS.pipelines.map((p) => ({
        ...p,
        stages: p.stages.map((s) =>
          s.key !== 'trial'
            ? s
            : {
                ...s,
                robots: [
                  {
                    id: 'broken_move',
                    timing: { kind: 'immediate' as const },
                    action: { type: 'change_stage' as const, stage: 'no_such_stage' },
                  },
                  {
                    id: 'unknown_field',
                    timing: { kind: 'immediate' as const },
                    condition: { '>': [{ var: 'budget' }, 10] },
                    action: { type: 'add_comment' as const, text: 'big' },
                  },
                ],
              },
        ),
      })),
    },
  },
};

export const Russian: Story = { globals: { locale: 'ru' } };

/** Scenario 4 after the recorded "nobody reacts" run: every reminder fired. */
export const Scenario4SimulationEnd: Story = {
  parameters: { model: REACTION_TIME },
  args: {
    marks: timelineMarks(
      NOBODY_REACTS.timeline,
      visibleEntries(NOBODY_REACTS.timeline).at(-1) ?? 0,
    ),
  },
};

/** The same run at minute 0: notified at once, the later reminders only scheduled. */
export const Scenario4SimulationStart: Story = {
  parameters: { model: REACTION_TIME },
  args: { marks: timelineMarks(NOBODY_REACTS.timeline, 7) },
};

/** Scenario 4, v1 -> v2 on the newer model: the added robot, the changed delay and stage. */
export const Scenario4DiffNewer: Story = {
  parameters: { model: REACTION_TIME },
  args: { marks: diffMarks(V1_TO_V2, 'after') },
};

/** The older side: v1 itself, with what v2 changed (the added robot is not there yet). */
export const Scenario4DiffOlder: Story = {
  parameters: { model: REACTION_TIME_V1 },
  args: { marks: diffMarks(V1_TO_V2, 'before') },
};
