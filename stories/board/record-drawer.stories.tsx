import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { RecordDrawer } from '../../designer/src/board/record-drawer.js';
import { entityFields } from '../../designer/src/board/entity-fields.js';
import { BOARD_DIRECTORY, BOARD_SALES, createFakeBoardApi } from '../support/fake-board-api.js';
import '../../designer/src/board/board.css';

/** A record opened from the board: fields, timers, items, timeline, "why didn't it run?". */
const meta = {
  title: 'board/Record drawer',
  component: RecordDrawer,
  parameters: { layout: 'fullscreen' },
  args: {
    api: createFakeBoardApi(),
    board: BOARD_SALES,
    recordId: 'deal_4',
    fields: entityFields(BOARD_SALES.model, 'deal', 'en'),
    directory: BOARD_DIRECTORY,
    tick: 0,
    onSaved: fn(),
    onClose: fn(),
  },
} satisfies Meta<typeof RecordDrawer>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Russian: Story = {
  globals: { locale: 'ru' },
  args: { fields: entityFields(BOARD_SALES.model, 'deal', 'ru') },
};

/** The timeline in the admin's words: stage, robot and people names, not raw kinds. */
export const TimelineInWords: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const timeline = await canvas.findByTestId('drawer-timeline');
    // The names (robots, people) arrive after the entries: wait for the sentences.
    const slow = { timeout: 5000 };
    await waitFor(() => expect(timeline).toHaveTextContent('Entered stage “Paid”'), slow);
    await waitFor(
      () =>
        expect(timeline).toHaveTextContent(
          'Robot “Tell the responsible that logistics has it” ran: notified Андрей Лебедев',
        ),
      slow,
    );
    await expect(timeline).not.toHaveTextContent('robot:');
  },
};

/** The stage's robot did not run: the runtime says why in one line. */
export const WhyDidNotRun: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByTestId('why-hand_to_logistics'));
    await expect(await canvas.findByTestId('why-answer-hand_to_logistics')).toHaveTextContent(
      'condition was false',
    );
  },
};

/** A server without the explanation route says so instead of failing. */
export const WhyUnavailable: Story = {
  args: { api: createFakeBoardApi({ noWhy: true }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await userEvent.click((await canvas.findAllByText("Why didn't it run?"))[0]!);
    await expect(await canvas.findByText(/cannot explain it yet/)).toBeTruthy();
  },
};
