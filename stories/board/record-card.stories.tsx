import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RecordCard } from '../../designer/src/board/record-card.js';
import { BOARD_SALES, STORY_DEALS } from '../support/fake-board-api.js';
import '../../designer/src/board/board.css';

/** A card on the board: title, amount, responsible, next timer, its menu. */
const meta = {
  title: 'board/Record card',
  component: RecordCard,
  decorators: [
    (Story) => (
      <div style={{ width: 250 }}>
        <Story />
      </div>
    ),
  ],
  args: {
    record: STORY_DEALS[0]!,
    responsibleName: 'Андрей Лебедев',
    stages: BOARD_SALES.pipeline.stages,
    onOpen: fn(),
    onMove: fn(),
    onAnswer: fn(),
    onCancelAsk: fn(),
  },
} satisfies Meta<typeof RecordCard>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const WithTimer: Story = { args: { nextTimer: 'Ask for feedback in 14 min' } };
export const Refused: Story = {
  args: { error: 'deal deal_1 was changed meanwhile (now revision 4): reload it' },
};
export const AsksForFields: Story = {
  args: {
    ask: {
      stage: 'invoice_sent',
      stageName: 'Invoice sent',
      fields: [{ key: 'delivery_address', label: 'Delivery address', type: 'string' }],
    },
  },
};
export const Russian: Story = {
  globals: { locale: 'ru' },
  args: { nextTimer: 'Запросить отзыв через 14 мин.' },
};

/** The menu moves the card without dragging. */
export const MoveWithKeyboard: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('card-move-menu'));
    await userEvent.click(canvas.getByRole('button', { name: 'Paid' }));
    await expect(args.onMove).toHaveBeenCalledWith('paid');
  },
};
