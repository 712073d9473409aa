import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { PublishPreviewDialog } from '../../designer/src/versions/publish-preview-dialog.js';
import '../../designer/src/versions/panels.css';
import { PUBLISH_PREVIEW, QUIET_PREVIEW } from '../support/publish-preview-fixtures.js';

/** Before publishing version 3 of scenario 4: what it does to deals in flight. */
const meta = {
  title: 'versions/Publish preview',
  component: PublishPreviewDialog,
  args: { preview: PUBLISH_PREVIEW, onConfirm: fn(), onCancel: fn() },
} satisfies Meta<typeof PublishPreviewDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const WorkInProgress: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };
export const NothingChanges: Story = { args: { preview: QUIET_PREVIEW } };
export const Publishing: Story = { args: { busy: true } };

/** The counts are shown; "also records already in the stage" is passed on confirm. */
export const IncludeExisting: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(within(canvasElement).getByTestId('publish-preview'));
    const publish = await dialog.findByRole('button', { name: 'Publish' });
    await expect(dialog.getByTestId('timers-cancelled')).toHaveTextContent(
      'Cancelled (robot or stage removed): 3',
    );
    await expect(dialog.getByRole('radio', { name: /Only records that enter/ })).toBeChecked();
    await userEvent.click(dialog.getByRole('radio', { name: /Also records already in the stage/ }));
    await userEvent.click(publish);
    await expect(args.onConfirm).toHaveBeenCalledWith('include_existing');
  },
};

export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(within(canvasElement).getByTestId('publish-preview'));
    await userEvent.click(await dialog.findByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalledOnce();
    await expect(args.onConfirm).not.toHaveBeenCalled();
  },
};
