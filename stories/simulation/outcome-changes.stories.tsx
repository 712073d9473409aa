import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { OutcomeChanges } from '../../designer/src/simulation/outcome-changes.js';
import { diffOutcomes } from '../../designer/src/simulation/outcome-diff.js';
import '../../designer/src/versions/panels.css';
import '../../designer/src/simulation/simulation.css';
import { NOBODY_REACTS, TAKEN_AT_10_MINUTES } from '../support/simulation-fixtures.js';

/**
 * What a rerun changed: scenario 4 first run with nobody reacting, then with the deal
 * taken at 10 minutes (the reminders and the manager's message no longer happen).
 */
const changes = diffOutcomes(NOBODY_REACTS, TAKEN_AT_10_MINUTES);

const meta = {
  title: 'simulation/Rerun changes',
  component: OutcomeChanges,
  args: changes,
} satisfies Meta<typeof OutcomeChanges>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ReminderNoLongerFires: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(changes.removed.length).toBeGreaterThan(0);
    await expect(canvasElement.querySelectorAll('.diff-removed')).toHaveLength(
      changes.removed.length,
    );
    await expect(canvas.getByTestId('sim-changes')).toHaveTextContent(
      'robot:escalate_after_30_min',
    );
  },
};
export const Russian: Story = { globals: { locale: 'ru' } };

/** The other way round: what a run where nobody reacts adds. */
export const NowHappens: Story = { args: diffOutcomes(TAKEN_AT_10_MINUTES, NOBODY_REACTS) };

/** Rerun with nothing changed. */
export const NoChanges: Story = {
  args: { added: [], removed: [] },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('.diff-list')).toBeNull();
  },
};
