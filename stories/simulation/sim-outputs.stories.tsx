import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, within } from 'storybook/test';
import { SimOutputs } from '../../designer/src/simulation/sim-outputs.js';
import '../../designer/src/versions/panels.css';
import '../../designer/src/simulation/simulation.css';
import {
  CONTRACT_TO_ACT,
  INVOICE_TO_FEEDBACK,
  NOBODY_REACTS,
} from '../support/simulation-fixtures.js';

/**
 * What a run would have sent, from recorded `conveyor simulate` results: nothing here
 * left the simulation's own outbox.
 */
const meta = {
  title: 'simulation/Simulation outputs',
  component: SimOutputs,
  args: { result: NOBODY_REACTS },
} satisfies Meta<typeof SimOutputs>;
export default meta;
type Story = StoryObj<typeof meta>;

/** Scenario 4: four notifications to the responsible and the manager. */
export const Notifications: Story = {
  play: async ({ canvasElement }) => {
    const cards = within(canvasElement).getAllByTestId('sim-notification');
    await expect(cards).toHaveLength(NOBODY_REACTS.notifications.length);
    await expect(cards[0]).toHaveTextContent('please take it within 30 minutes');
  },
};
export const NotificationsRussian: Story = { globals: { locale: 'ru' } };

/** Scenario 5: emails and a messenger message with their placeholders filled. */
export const EmailsAndMessages: Story = {
  args: { result: INVOICE_TO_FEEDBACK },
  play: async ({ canvasElement }) => {
    const cards = within(canvasElement).getAllByTestId('sim-outbox');
    await expect(cards).toHaveLength(INVOICE_TO_FEEDBACK.outbox.length);
    // Filled in: no placeholder is left in what would be sent.
    for (const card of cards) await expect(card.textContent).not.toContain('{{');
  },
};
export const EmailsAndMessagesRussian: Story = {
  args: { result: INVOICE_TO_FEEDBACK },
  globals: { locale: 'ru' },
};

/** Scenario 6: generated documents, emails, tasks with deadlines and notifications. */
export const DocumentsAndTasks: Story = {
  args: { result: CONTRACT_TO_ACT },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getAllByTestId('sim-task')).toHaveLength(CONTRACT_TO_ACT.tasks.length);
    await expect(canvas.getAllByTestId('sim-outbox')).toHaveLength(CONTRACT_TO_ACT.outbox.length);
  },
};

/** A run that sent nothing says so. */
export const NothingSent: Story = {
  args: { result: { ...NOBODY_REACTS, notifications: [], tasks: [], outbox: [] } },
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).queryByTestId('sim-notification')).toBeNull();
    await expect(canvasElement.querySelector('.muted')).not.toBeNull();
  },
};
