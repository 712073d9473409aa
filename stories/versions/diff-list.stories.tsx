import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, within } from 'storybook/test';
import { DiffList } from '../../designer/src/versions/diff-list.js';
import { nodeLabel } from '../../designer/src/versions/node-label.js';
import '../../designer/src/versions/panels.css';
import { REACTION_TIME } from '../support/simulation-fixtures.js';
import {
  REACTION_TIME_DRAFT,
  REACTION_TIME_V1,
  V1_TO_V2,
  V2_TO_DRAFT,
} from '../support/version-fixtures.js';

const labelV1ToV2 = (id: string) => nodeLabel(REACTION_TIME, id) ?? nodeLabel(REACTION_TIME_V1, id);

/** Scenario 4, v1 -> v2: a robot added, a delay changed, a stage renamed (`diffModels`). */
const meta = {
  title: 'versions/Version diff',
  component: DiffList,
  args: { entries: V1_TO_V2, labelOf: labelV1ToV2, onPick: fn() },
} satisfies Meta<typeof DiffList>;
export default meta;
type Story = StoryObj<typeof meta>;

export const AddedAndChanged: Story = {};
export const Russian: Story = { globals: { locale: 'ru' } };

/** The draft against v2: a robot removed. */
export const Removed: Story = {
  args: {
    entries: V2_TO_DRAFT,
    labelOf: (id) => nodeLabel(REACTION_TIME_DRAFT, id) ?? nodeLabel(REACTION_TIME, id),
  },
};

/** Without names the ids still say which part changed. */
export const IdsOnly: Story = { args: { labelOf: undefined } };

export const NoChanges: Story = { args: { entries: [] } };
export const NoChangesRussian: Story = { args: { entries: [] }, globals: { locale: 'ru' } };

/** Picking a row asks the canvas to show that node. */
export const PickARow: Story = {
  play: async ({ canvasElement, args }) => {
    const list = within(within(canvasElement).getByTestId('diff-list'));
    const row = list.getByText(/Robot “Warn after 25 minutes” added/);
    await expect(row).toBeInTheDocument();
    await userEvent.click(row);
    await expect(args.onPick).toHaveBeenCalledWith('robot:warn_after_25_min');
  },
};
