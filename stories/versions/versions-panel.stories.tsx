import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import type { AutomationModel } from '../../schemas/index.js';
import { VersionsPanel } from '../../designer/src/versions/versions-panel.js';
import type { CanvasOverlay } from '../../designer/src/versions/canvas-overlay.js';
import '../../designer/src/versions/panels.css';
import { createFakeExtraApi } from '../support/fake-extra-api.js';
import { REACTION_TIME_DRAFT, REACTION_TIME_V1 } from '../support/version-fixtures.js';

/**
 * Scenario 4's versions over the fake runtime (`storyExtraApi`): v1 and v2 published,
 * the draft on screen drops a robot. Compare any two; roll back; discard the draft.
 */
const meta = {
  title: 'versions/Versions panel',
  component: VersionsPanel,
  args: {
    modelId: 'reaction-time-control',
    draft: REACTION_TIME_DRAFT,
    flush: fn(() => Promise.resolve()),
    onOverlay: fn(),
    onReplaced: fn(),
  },
} satisfies Meta<typeof VersionsPanel>;
export default meta;
type Story = StoryObj<typeof meta>;

export const TwoVersions: Story = {
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByTestId('version-row-2');
  },
};

export const Russian: Story = {
  globals: { locale: 'ru' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByTestId('version-row-2');
  },
};

/** A model never published: only the draft, nothing to discard. */
export const NeverPublished: Story = {
  args: { modelId: 'subscriptions' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('discard-draft')).toBeDisabled();
    await expect(canvas.queryByTestId('version-row-1')).toBeNull();
  },
};

/** The runtime cannot be reached: the panel says so instead of a table of nothing. */
export const Unreachable: Story = {
  parameters: { extraApi: () => createFakeExtraApi({ failWith: 'runtime unreachable' }) },
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'runtime unreachable',
    );
  },
};

const lastOverlay = (spy: unknown): CanvasOverlay | null | undefined => {
  const calls = (spy as { mock: { calls: [CanvasOverlay | null][] } }).mock.calls;
  return calls.at(-1)?.[0];
};

/** Pick v1 and v2, compare: the list shows the changes and the canvas gets diff marks. */
export const CompareTwoVersions: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByTestId('diff-from-1'));
    await userEvent.click(canvas.getByTestId('diff-to-2'));
    await userEvent.click(canvas.getByTestId('compare'));
    const list = within(await canvas.findByTestId('diff-list'));
    await expect(list.getByTitle(/^robot:warn_after_25_min /)).toBeInTheDocument();
    await expect(list.getByTitle(/^stage:sales\/in_progress /)).toBeInTheDocument();
    await expect(canvas.getByTestId('diff-readonly')).toHaveTextContent('v2');
    await expect(lastOverlay(args.onOverlay)?.marks.get('robot:warn_after_25_min')).toBe('added');

    // The older side shows v1 itself on the canvas, where the new robot does not exist.
    await userEvent.click(canvas.getByTestId('show-before'));
    const before = lastOverlay(args.onOverlay);
    await expect(before?.model).toEqual(REACTION_TIME_V1);
    await expect(before?.marks.has('robot:warn_after_25_min')).toBe(false);
    await expect(canvas.getByTestId('diff-readonly')).toHaveTextContent('v1');

    await userEvent.click(canvas.getByTestId('close-diff'));
    await expect(canvas.queryByTestId('diff-list')).toBeNull();
    await expect(lastOverlay(args.onOverlay)).toBeNull();
  },
};

/** Rolling back to v1 asks first, then v1 is published again as v3 and becomes the draft. */
export const RollBack: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByTestId('rollback-1'));
    const dialog = within(await canvas.findByTestId('rollback-dialog'));
    await expect(dialog.getByTitle(/^robot:warn_after_25_min /)).toBeInTheDocument();
    await userEvent.click(dialog.getByTestId('confirm-rollback'));
    await waitFor(() => expect(args.onReplaced).toHaveBeenCalledOnce());
    const replaced = (args.onReplaced as unknown as { mock: { calls: [AutomationModel][] } }).mock
      .calls[0]?.[0];
    await expect(replaced).toEqual(REACTION_TIME_V1);
    await expect(await canvas.findByTestId('version-row-3')).toHaveTextContent(
      'rollback to version 1',
    );
  },
};
