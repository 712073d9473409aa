import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Board } from '../../designer/src/board/board.js';
import {
  BOARD_DIRECTORY,
  BOARD_SALES,
  createFakeBoardApi,
  storyDeal,
} from '../support/fake-board-api.js';
import { withBoardApi, type BoardStoryParameters } from '../support/with-board-api.js';

/** The live board of scenario 2's sales pipeline over a fake runtime. */
const meta = {
  title: 'board/Board',
  component: Board,
  decorators: [withBoardApi],
  parameters: { layout: 'fullscreen' },
  args: {
    board: BOARD_SALES,
    directory: BOARD_DIRECTORY,
    filters: {},
    mine: false,
    me: 'lebedev',
    onFilters: fn(),
    onMine: fn(),
  },
} satisfies Meta<typeof Board>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };
export const Loading: Story = {
  parameters: { boardApi: () => createFakeBoardApi({ hang: true }) } satisfies BoardStoryParameters,
};

/** 2,000 deals in one column: only the visible cards are in the page. */
export const ThousandsInOneColumn: Story = {
  parameters: {
    boardApi: () =>
      createFakeBoardApi({
        deals: Array.from({ length: 2000 }, (_, i) =>
          storyDeal(`deal_${i}`, 'new', `Deal ${i + 1}`, 1000 + i),
        ),
      }),
  } satisfies BoardStoryParameters,
};

/**
 * "Move to… Invoice sent" needs the delivery address: the card asks for it. Browser
 * only: the virtualised list draws cards once it has a size (jsdom has no layout).
 */
export const MoveAsksForFields: Story = {
  tags: ['browser-only'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = await canvas.findByTestId('card-deal_1');
    await userEvent.click(within(card).getByTestId('card-move-menu'));
    await userEvent.click(within(card).getByRole('button', { name: 'Invoice sent' }));
    await expect(await within(card).findByTestId('required-fields')).toBeTruthy();
  },
};
