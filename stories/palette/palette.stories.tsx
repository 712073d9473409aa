import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { Palette } from '../../designer/src/palette/palette.js';

/** Every action and trigger kind, searchable; click or drag one onto a stage. */
const meta = {
  title: 'palette/Palette',
  component: Palette,
  args: { onPick: fn() },
  decorators: [
    (Story) => (
      <div style={{ display: 'flex', height: 720 }}>
        <Story />
      </div>
    ),
  ],
} satisfies Meta<typeof Palette>;
export default meta;
type Story = StoryObj<typeof meta>;

export const English: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** Search narrows the list; clicking an item picks it. */
export const SearchAndPick: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.type(canvas.getByTestId('palette-search'), 'webhook');
    await expect(canvas.getByTestId('palette-action:webhook')).toBeVisible();
    await expect(canvas.queryByTestId('palette-action:assign')).toBeNull();
    await userEvent.click(canvas.getByTestId('palette-trigger:inbound_webhook'));
    await expect(args.onPick).toHaveBeenLastCalledWith('trigger:inbound_webhook');
  },
};
