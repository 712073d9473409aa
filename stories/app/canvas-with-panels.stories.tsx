import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { withEditor, withFlow } from '../support/decorators.js';
import { OverlayWorkbench } from '../support/overlay-workbench.js';
import { NOBODY_REACTS, REACTION_TIME_WITH_SCRIPTS } from '../support/simulation-fixtures.js';

/**
 * Scenario 4's canvas with the versions and simulation panels under it, wired as in the
 * model editor: what the panels find is drawn on the nodes.
 */
const meta = {
  title: 'app/Canvas with tool panels',
  component: OverlayWorkbench,
  decorators: [withEditor, withFlow],
  parameters: { layout: 'fullscreen', model: REACTION_TIME_WITH_SCRIPTS },
} satisfies Meta<typeof OverlayWorkbench>;
export default meta;
type Story = StoryObj<typeof meta>;

/** The mark drawn on a node (`fired`, `added`, ...), `null` for none, `undefined` if absent. */
function markOf(canvasElement: HTMLElement, id: string): string | null | undefined {
  const wrapper = canvasElement.querySelector(`.react-flow__node[data-id="${id}"]`);
  if (!wrapper) return undefined;
  const marked = wrapper.querySelector('[class*="mark-"]');
  return marked ? (/\bmark-(\w+)/.exec(marked.className)?.[1] ?? null) : null;
}

/** The timeline line where the manager's robot was scheduled (minute 0). */
const scheduledEscalation = NOBODY_REACTS.timeline.findIndex(
  (e) =>
    e.kind === 'rule' && e.nodeId === 'robot:escalate_after_30_min' && e.outcome === 'scheduled',
);

export const Draft: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** Run the simulation: the robots that fired are marked on the canvas. */
export const SimulationOnCanvas: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('tab-simulation'));
    await userEvent.click(canvas.getByTestId('sim-run'));
    await canvas.findByTestId('sim-timeline');
    await waitFor(() => expect(markOf(canvasElement, 'robot:escalate_after_30_min')).toBe('fired'));
    await expect(markOf(canvasElement, 'robot:notify_new_request')).toBe('fired');
    // Back to minute 0: the manager's robot is only scheduled there (looked at, not run).
    await userEvent.click(canvas.getByTestId(`sim-entry-${scheduledEscalation}`));
    await waitFor(() =>
      expect(markOf(canvasElement, 'robot:escalate_after_30_min')).toBe('considered'),
    );
    await expect(markOf(canvasElement, 'robot:remind_after_15_min')).toBe('considered');
  },
};

/** Compare v1 with v2: the robot v2 added is marked; the older side shows v1 read-only. */
export const DiffOnCanvas: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('tab-versions'));
    await userEvent.click(await canvas.findByTestId('diff-from-1'));
    await userEvent.click(canvas.getByTestId('diff-to-2'));
    await userEvent.click(canvas.getByTestId('compare'));
    await waitFor(() => expect(markOf(canvasElement, 'robot:warn_after_25_min')).toBe('added'));
    await expect(markOf(canvasElement, 'robot:remind_after_15_min')).toBe('changed');
    await expect(markOf(canvasElement, 'robot:notify_new_request')).toBeNull();
    // The older side is v1 itself: the robot v2 added is not on the canvas.
    await userEvent.click(canvas.getByTestId('show-before'));
    await waitFor(() => expect(markOf(canvasElement, 'robot:warn_after_25_min')).toBeUndefined());
    await expect(markOf(canvasElement, 'robot:remind_after_15_min')).toBe('changed');
  },
};
