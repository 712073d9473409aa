import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { ToolPanels } from '../../designer/src/app/tool-panels.js';
import { REACTION_TIME_WITH_SCRIPTS } from '../support/simulation-fixtures.js';

/** The drawer under the canvas: versions and simulation tabs, one open at a time. */
const meta = {
  title: 'app/Tool panels',
  component: ToolPanels,
  args: {
    model: REACTION_TIME_WITH_SCRIPTS,
    flush: fn(() => Promise.resolve()),
    onOverlay: fn(),
    onReplaced: fn(),
    onModelChange: fn(),
  },
} satisfies Meta<typeof ToolPanels>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Closed: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** A tab opens its panel, the other tab switches, the open tab closes it again. */
export const SwitchTabs: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByTestId('tab-versions'));
    await expect(canvas.getByTestId('tab-versions')).toHaveAttribute('aria-selected', 'true');
    await canvas.findByTestId('version-row-2');
    await userEvent.click(canvas.getByTestId('tab-simulation'));
    await expect(canvas.getByTestId('simulation-panel')).toBeInTheDocument();
    await expect(canvas.queryByTestId('versions-panel')).toBeNull();
    await userEvent.click(canvas.getByTestId('tab-simulation'));
    await expect(canvas.queryByRole('tabpanel')).toBeNull();
    // Switching clears what a panel laid over the canvas.
    await expect(args.onOverlay).toHaveBeenLastCalledWith(null);
  },
};
