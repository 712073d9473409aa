import type { Meta, StoryObj } from '@storybook/react-vite';
import { fn } from 'storybook/test';
import { ConflictBanner, RestoreBanner } from '../../designer/src/app/draft-banners.js';
import { nodeLabel } from '../../designer/src/versions/node-label.js';
import { REACTION_TIME } from '../support/simulation-fixtures.js';
import { V1_TO_V2 } from '../support/version-fixtures.js';

/** Someone else saved the draft meanwhile: who, when, and reload / compare / overwrite. */
const meta = {
  title: 'app/Draft conflict',
  component: ConflictBanner,
  args: {
    updatedBy: 'api',
    updatedAt: '2026-12-07T09:41:00.000Z',
    comparing: null,
    onReload: fn(),
    onCompare: fn(),
    onOverwrite: fn(),
  },
} satisfies Meta<typeof ConflictBanner>;
export default meta;
type Story = StoryObj<typeof meta>;

export const Conflict: Story = {};
export const ConflictRussian: Story = { globals: { locale: 'ru' } };

/** "Compare": the list of what this tab's draft changes in theirs. */
export const Comparing: Story = {
  args: { comparing: { entries: V1_TO_V2, labelOf: (id) => nodeLabel(REACTION_TIME, id) } },
};

/** After a crash: edits kept in this browser are offered back. */
export const BackupFound: StoryObj<typeof RestoreBanner> = {
  render: () => (
    <RestoreBanner
      backup={{ savedAt: '2026-12-07T09:41:00.000Z', model: REACTION_TIME }}
      onRestore={fn()}
      onDiscard={fn()}
    />
  ),
};
