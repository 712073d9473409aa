import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConfirmDialog } from '../../designer/src/dialogs/confirm-dialog.js';
import { UndoToast } from '../../designer/src/dialogs/undo-toast.js';

/** The page's own confirmation of a removal (no browser `confirm`). */
const meta = {
  title: 'dialogs/Confirm removal',
  component: ConfirmDialog,
  parameters: { layout: 'fullscreen' },
  args: {
    title: 'Remove stage “Paid”?',
    message:
      'Delete stage “Paid” together with its 2 robot(s) and 1 trigger(s)?\nRobots: Create a request in Logistics, Tell the responsible',
    confirmLabel: 'Remove',
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof ConfirmDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const RemoveStage: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(canvasElement.ownerDocument.body).getByTestId('confirm-dialog');
    // The dialog opens (showModal) in an effect after the first render: wait for it.
    await waitFor(() => expect(dialog).toHaveAccessibleName('Remove stage “Paid”?'));
    await userEvent.click(within(dialog).getByTestId('confirm-yes'));
    await expect(args.onConfirm).toHaveBeenCalled();
  },
};
export const Russian: Story = {
  globals: { locale: 'ru' },
  args: { title: 'Удалить стадию «Оплачено»?', confirmLabel: 'Удалить' },
};

/** After the removal: what went, and Undo. */
export const AfterRemoval: StoryObj<typeof UndoToast> = {
  render: () => <UndoToast message="“Paid” removed." onUndo={fn()} onClose={fn()} />,
};
