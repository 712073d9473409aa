import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { RollbackDialog } from '../../designer/src/versions/rollback-dialog.js';
import { nodeLabel } from '../../designer/src/versions/node-label.js';
import { diffModels } from '../../schemas/diff/diff-models.js';
import '../../designer/src/versions/panels.css';
import { REACTION_TIME } from '../support/simulation-fixtures.js';
import { REACTION_TIME_V1 } from '../support/version-fixtures.js';

/** Rolling scenario 4 back from v2 (live) to v1: what the rollback would change. */
const meta = {
  title: 'versions/Rollback confirmation',
  component: RollbackDialog,
  args: {
    version: 1,
    entries: diffModels(REACTION_TIME, REACTION_TIME_V1),
    labelOf: (id: string) => nodeLabel(REACTION_TIME_V1, id) ?? nodeLabel(REACTION_TIME, id),
    onConfirm: fn(),
    onCancel: fn(),
  },
} satisfies Meta<typeof RollbackDialog>;
export default meta;
type Story = StoryObj<typeof meta>;

export const ToVersion1: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** The confirm button says which version goes live again and reports the choice. */
export const Confirm: Story = {
  play: async ({ canvasElement, args }) => {
    // A modal <dialog> sits in the top layer, still inside the story's root.
    const dialog = within(within(canvasElement).getByTestId('rollback-dialog'));
    // The dialog opens in an effect after the first paint: wait for it, not just for the DOM.
    const confirm = await dialog.findByRole('button', { name: 'Publish version 1 again' });
    await expect(dialog.getByTitle(/^robot:warn_after_25_min /)).toBeInTheDocument();
    await userEvent.click(confirm);
    await expect(args.onConfirm).toHaveBeenCalledOnce();
    await expect(args.onCancel).not.toHaveBeenCalled();
  },
};

export const Cancel: Story = {
  play: async ({ canvasElement, args }) => {
    const dialog = within(within(canvasElement).getByTestId('rollback-dialog'));
    await userEvent.click(await dialog.findByRole('button', { name: 'Cancel' }));
    await expect(args.onCancel).toHaveBeenCalledOnce();
  },
};
