import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import type { AutomationModel } from '../../schemas/index.js';
import type { SimulationTimelineEntry } from '../../schemas/simulation/index.js';
import { SimTimeline, visibleEntries } from '../../designer/src/simulation/sim-timeline.js';
import '../../designer/src/versions/panels.css';
import '../../designer/src/simulation/simulation.css';
import {
  CONTRACT_TO_ACT,
  NOBODY_REACTS,
  REACTION_TIME,
  TAKEN_AT_10_MINUTES,
} from '../support/simulation-fixtures.js';
import { DOCUMENT_FLOW } from '../support/fixtures.js';

/** The timeline owns no cursor: the panel does. This keeps it, as the panel would. */
function SteppedTimeline(p: {
  timeline: readonly SimulationTimelineEntry[];
  model: AutomationModel;
  cursor: number;
  onCursor(i: number): void;
}) {
  const [cursor, setCursor] = useState(p.cursor);
  return (
    <SimTimeline
      timeline={p.timeline}
      model={p.model}
      cursor={cursor}
      onCursor={(i) => {
        setCursor(i);
        p.onCursor(i);
      }}
    />
  );
}

const first = (t: readonly SimulationTimelineEntry[]) => visibleEntries(t)[0] ?? 0;
const last = (t: readonly SimulationTimelineEntry[]) => visibleEntries(t).at(-1) ?? 0;

/**
 * Scenario 4, recorded with `conveyor simulate` (nobody takes the deal): created at 09:00,
 * notified at once, reminders scheduled, fired at 15, 25 and 30 minutes.
 */
const meta = {
  title: 'simulation/Simulation timeline',
  component: SteppedTimeline,
  args: {
    timeline: NOBODY_REACTS.timeline,
    model: REACTION_TIME,
    cursor: last(NOBODY_REACTS.timeline),
    onCursor: fn(),
  },
} satisfies Meta<typeof SteppedTimeline>;
export default meta;
type Story = StoryObj<typeof meta>;

/** After a run the cursor is on the last entry, as the panel puts it. */
export const NobodyReacts: Story = {};
export const NobodyReactsRussian: Story = { globals: { locale: 'ru' } };

/** Taken at 10 minutes: the pending reminders are cancelled. */
export const TakenAt10Minutes: Story = {
  args: {
    timeline: TAKEN_AT_10_MINUTES.timeline,
    cursor: last(TAKEN_AT_10_MINUTES.timeline),
  },
};
export const TakenAt10MinutesRussian: Story = {
  args: TakenAt10Minutes.args,
  globals: { locale: 'ru' },
};

/** A long run across four pipelines (document flow). */
export const DocumentFlow: Story = {
  args: {
    timeline: CONTRACT_TO_ACT.timeline,
    model: DOCUMENT_FLOW,
    cursor: first(CONTRACT_TO_ACT.timeline),
  },
};

const current = (canvasElement: HTMLElement) =>
  within(canvasElement)
    .getAllByRole('button')
    .find((b) => b.getAttribute('aria-current') === 'step');

/** Next and Previous move the highlighted entry one visible line at a time. */
export const StepThrough: Story = {
  args: { cursor: first(NOBODY_REACTS.timeline) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const shown = visibleEntries(NOBODY_REACTS.timeline);
    await expect(canvas.getByTestId('sim-prev')).toBeDisabled();
    await expect(current(canvasElement)).toBe(canvas.getByTestId(`sim-entry-${shown[0]}`));

    await userEvent.click(canvas.getByTestId('sim-next'));
    await expect(args.onCursor).toHaveBeenLastCalledWith(shown[1]);
    await expect(current(canvasElement)).toBe(canvas.getByTestId(`sim-entry-${shown[1]}`));
    await expect(current(canvasElement)).toHaveTextContent('robot:notify_new_request');

    await userEvent.click(canvas.getByTestId('sim-next'));
    await expect(current(canvasElement)).toBe(canvas.getByTestId(`sim-entry-${shown[2]}`));

    await userEvent.click(canvas.getByTestId('sim-prev'));
    await expect(args.onCursor).toHaveBeenLastCalledWith(shown[1]);
    await expect(current(canvasElement)).toBe(canvas.getByTestId(`sim-entry-${shown[1]}`));
    // Only one line is current at a time.
    await expect(canvasElement.querySelectorAll('.sim-entry.current')).toHaveLength(1);
  },
};

/** Clicking a line jumps there; at the last line Next is off. */
export const JumpToTheEnd: Story = {
  args: { cursor: first(NOBODY_REACTS.timeline) },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const end = last(NOBODY_REACTS.timeline);
    await userEvent.click(canvas.getByTestId(`sim-entry-${end}`));
    await expect(args.onCursor).toHaveBeenLastCalledWith(end);
    await expect(current(canvasElement)).toHaveTextContent('robot:escalate_after_30_min');
    await expect(canvas.getByTestId('sim-next')).toBeDisabled();
  },
};
